import type { ParseResult, SourceFileRef } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import { droidEventTs } from './event-time.ts'
import { isoMs, isRecord } from './json.ts'
import { droidModel } from './model.ts'
import { skipOnly, type DroidSkipReason } from './skips.ts'
import { sessionFacts } from './source-path.ts'
import { readTokenUsage } from './token-usage.ts'

export const DROID_PARSER_VERSION = 1

/** Droid keeps no cursor: every read parses the whole (small) settings file again. */
export type DroidState = null

/**
 * Parses one `<uuid>.settings.json`. Its `tokenUsage` is the session's running total, rewritten in place,
 * so the event carries `cumulativeKey: droid:<sessionId>`: the ledger stores only the increase over the
 * highest total it has seen for that session, dated by this read. So a re-read adds nothing, usage lands on
 * the day it was spent, and two copies of one session in two folders (a moved project) add up to the
 * larger copy, never to their sum. Never throws: a torn or odd file is a counted skip.
 */
export function parseDroidFile(bytes: Uint8Array, file: SourceFileRef, state: DroidState): ParseResult<DroidState> {
  const none = (reason: DroidSkipReason): ParseResult<DroidState> => ({ events: [], limits: [], skips: skipOnly(reason), state })
  let doc: unknown
  try {
    doc = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'))
  } catch {
    return none('malformed-json') // Droid rewrites in place: a read mid-write sees a torn file
  }
  if (!isRecord(doc)) return none('unknown-shape')
  const usage = readTokenUsage(doc['tokenUsage'])
  if ('skip' in usage) return none(usage.skip)
  const eventTs = droidEventTs(file.mtimeMs, isoMs(doc['providerLockTimestamp']))
  if (eventTs === null) return none('no-timestamp')
  const { sessionId, project } = sessionFacts(file)
  const key = `droid:${sessionId}`
  const event: UsageEvent = {
    eventTs,
    provider: 'droid',
    modelRaw: droidModel(doc['model']),
    sessionId,
    requestId: null,
    messageId: null,
    isSidechain: false,
    project,
    account: file.root.account,
    tokens: usage.tokens,
    vendorCostUsd: null,
    dedupeKey: key,
    sourcePath: file.path,
    sourceOffset: 0,
    parserVersion: DROID_PARSER_VERSION,
    cumulativeKey: key,
  }
  return { events: [event], limits: [], skips: {}, state }
}
