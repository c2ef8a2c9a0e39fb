import type { ParseResult, SourceFileRef } from '../../common/adapter-contract.ts'
import { EventBatch } from './batch.ts'
import { isRecord, nonEmptyString } from './json.ts'
import { markedLines } from '../shared/line-scan.ts'
import { readMessage, type MessageSource } from './message.ts'
import { fileStem, projectLabel } from './source-files.ts'
import type { GeminiJsonlState } from './state.ts'

/**
 * Only lines with one of these can matter: usage sits under a `tokens` key, the session id on the
 * metadata line. Inside a JSON string a quote is escaped (`\"tokens\"`), so prompt or tool text that
 * mentions the word never matches; `$set` timestamp updates and `$rewindTo` lines are never decoded.
 */
const MARKERS = ['"tokens"', '"sessionId"'].map((m) => Buffer.from(m))

/**
 * Parses complete lines of a `.jsonl` recording starting at file offset `baseOffset`. Never throws: a bad
 * line is a counted skip. `state` is not mutated; the updated cursor is returned.
 *
 * Line kinds (gemini-cli `chatRecordingService.ts`): the metadata line `{sessionId, projectHash, …}`;
 * message records `{id, timestamp, type, …, tokens}`, re-appended whole each time they change;
 * `{"$set": {...}}` metadata patches, some holding a whole `messages` array; `{"$rewindTo": id}`.
 * `$rewindTo` and message checkpoints drop messages from the conversation, but their tokens were billed,
 * so they are not applied: every message seen with tokens counts once.
 */
export function parseGeminiLines(bytes: Uint8Array, baseOffset: number, file: SourceFileRef, state: GeminiJsonlState): ParseResult<GeminiJsonlState> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const st: GeminiJsonlState = { ...state }
  const project = projectLabel(file)
  const batch = new EventBatch()
  const sourceAt = (offset: number): MessageSource => ({ sessionId: st.sessionId ?? fileStem(file.path), project, file, offset })
  for (const { start, end } of markedLines(buf, MARKERS)) {
    let line: unknown
    try {
      line = JSON.parse(buf.toString('utf8', start, end))
    } catch {
      batch.skip('malformed-json')
      continue
    }
    if (!isRecord(line)) {
      batch.skip('unknown-shape')
      continue
    }
    const patch = line['$set']
    if (isRecord(patch)) {
      // A `sessionId` patch (written on resume, naming the same session) only fills in a lost metadata line.
      st.sessionId ??= nonEmptyString(patch['sessionId'])
      readCheckpoint(patch['messages'], sourceAt(baseOffset + start), batch)
    } else if ('id' in line || 'tokens' in line) {
      batch.add(readMessage(line, sourceAt(baseOffset + start)))
    } else if (nonEmptyString(line['sessionId']) !== null) {
      // The metadata line. Only the first one names this file's session (there is one per file).
      st.sessionId ??= nonEmptyString(line['sessionId'])
    } else {
      batch.skip('unknown-shape')
    }
  }
  return { events: batch.events, limits: [], skips: batch.skips, state: st }
}

/**
 * `$set.messages`: a checkpoint of the whole conversation (`updateMessagesFromHistory`). Its messages are
 * copies of ones appended before (same ids, same tokens), read anyway so that none is missed.
 */
function readCheckpoint(messages: unknown, src: MessageSource, batch: EventBatch): void {
  if (!Array.isArray(messages)) return
  for (const m of messages) batch.add(readMessage(m, src))
}
