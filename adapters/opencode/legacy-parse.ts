import type { ParseResult, SkipCounts, SourceFileRef } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import { messageEvent } from './events.ts'
import { isRecord, nonEmptyString, parseJson } from './json.ts'
import { readMessageInfo } from './message-info.ts'
import { bump } from './skips.ts'

/**
 * One legacy JSON message, `storage/message/<sessionID>/<messageID>.json` (OpenCode < 1.2; the SQLite
 * migration copied it into the DB and left the file). A file is all this parser sees, and the message's
 * `step-finish` parts live in other files (`storage/part/<messageID>/…`), so a legacy message is counted
 * from its own row: a multi-step message then carries only its last step's tokens (with the summed cost).
 * The event is a weak copy (see events.ts): whenever the DB holds the same message, its per-step events
 * replace it, so only messages found nowhere else are counted this way.
 */
export function parseLegacyMessage(bytes: Uint8Array, file: SourceFileRef): ParseResult<null> {
  const events: UsageEvent[] = []
  const skips: SkipCounts = {}
  const value = parseJson(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'))
  if (value === undefined) {
    // Also a file caught half-written: it is read again whole when it changes.
    bump(skips, 'malformed-json')
    return { events, limits: [], skips, state: null }
  }
  if (!isRecord(value)) {
    bump(skips, 'unknown-shape')
    return { events, limits: [], skips, state: null }
  }
  // User messages carry no usage; they are not records we failed to read.
  if (value['role'] !== 'assistant') return { events, limits: [], skips, state: null }
  const info = readMessageInfo(value)
  if (typeof info === 'string') {
    bump(skips, info)
    return { events, limits: [], skips, state: null }
  }
  const sessionId = nonEmptyString(value['sessionID']) ?? sessionFromPath(file.path)
  const e = messageEvent(info, { file, sessionId, offset: 0 }, skips)
  if (e !== null) events.push(e)
  return { events, limits: [], skips, state: null }
}

/** The `<sessionID>` directory a message file sits in (the migration derives ids from paths too). */
function sessionFromPath(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts.at(-2) ?? path
}
