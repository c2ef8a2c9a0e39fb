import type { ParseResult, SourceFileRef } from '../../common/adapter-contract.ts'
import { EventBatch } from './batch.ts'
import { isRecord, nonEmptyString } from './json.ts'
import { readMessage } from './message.ts'
import { fileStem, projectLabel } from './source-files.ts'

/**
 * Parses a legacy `.json` recording: one pretty-printed `ConversationRecord {sessionId, projectHash,
 * startTime, lastUpdated, messages[]}` that the CLI rewrote whole after every change (`writeFileSync`,
 * not atomic). Never throws: a file caught half-written does not parse and is one `malformed-json` skip;
 * the finished rewrite changes size and mtime, so the engine reads it again. Message `content` was a
 * string before 2026-01-30 and an array of parts after; it is never read, so both work.
 */
export function parseGeminiLegacyFile(bytes: Uint8Array, file: SourceFileRef): ParseResult<null> {
  const batch = new EventBatch()
  let record: unknown
  try {
    record = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'))
  } catch {
    batch.skip('malformed-json')
    return { events: [], limits: [], skips: batch.skips, state: null }
  }
  const messages = isRecord(record) ? record['messages'] : undefined
  if (!isRecord(record) || !Array.isArray(messages)) {
    batch.skip('unknown-shape')
    return { events: [], limits: [], skips: batch.skips, state: null }
  }
  const sessionId = nonEmptyString(record['sessionId']) ?? fileStem(file.path)
  const project = projectLabel(file)
  messages.forEach((m, index) => batch.add(readMessage(m, { sessionId, project, file, offset: index })))
  return { events: batch.events, limits: [], skips: batch.skips, state: null }
}
