import type { ParseResult, SkipCounts, SourceFileRef } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import { isRecord } from './json.ts'
import { readLedgerEvents } from './ledger-events.ts'
import { readMessageUsages } from './message-usage.ts'
import { reconcile, type UsageRecord } from './reconcile.ts'
import { bump } from './skips.ts'
import { threadFacts, type ThreadFacts } from './thread-facts.ts'

export const AMP_PARSER_VERSION = 1
/** Model label for a record that names none (never guessed into a priced model). */
export const UNKNOWN_MODEL = 'unknown'

/** Amp keeps no cursor: a thread is rewritten whole, so every read parses all of it again. */
export type AmpState = null

/**
 * Parses one `T-<uuid>.json` thread into one event per request, keyed `amp:<threadId>:<messageId>`, so a
 * re-read of the rewritten thread stores only the messages that are new (the ledger keeps each key once,
 * and a message whose usage grew while streaming keeps the larger counts). Never throws: a torn thread
 * (read mid-rewrite) is a counted skip and is read again once Amp finishes writing it.
 */
export function parseAmpFile(bytes: Uint8Array, file: SourceFileRef, state: AmpState): ParseResult<AmpState> {
  const skips: SkipCounts = {}
  let doc: unknown
  try {
    doc = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'))
  } catch {
    bump(skips, 'malformed-json')
    return { events: [], limits: [], skips, state }
  }
  if (!isRecord(doc)) {
    bump(skips, 'unknown-shape')
    return { events: [], limits: [], skips, state }
  }
  const facts = threadFacts(doc, file)
  const records = reconcile(readMessageUsages(doc['messages'], skips), readLedgerEvents(doc['usageLedger'], skips))
  const events: UsageEvent[] = []
  for (const r of records) {
    const event = toEvent(r, facts, file)
    if (typeof event === 'string') bump(skips, event)
    else events.push(event)
  }
  return { events, limits: [], skips, state }
}

function toEvent(r: UsageRecord, facts: ThreadFacts, file: SourceFileRef): UsageEvent | 'zero-tokens' | 'total-only' | 'no-timestamp' {
  const t = r.tokens
  // An aborted or still-open request: nothing billed. A bare total cannot be split into buckets honestly.
  if (t.input + t.output + t.cacheRead + t.cacheWrite5m === 0) return r.total > 0 ? 'total-only' : 'zero-tokens'
  const eventTs = r.ts ?? facts.createdMs ?? (file.mtimeMs === undefined ? null : Math.floor(file.mtimeMs))
  if (eventTs === null) return 'no-timestamp'
  return {
    eventTs,
    provider: 'amp',
    modelRaw: r.model ?? UNKNOWN_MODEL,
    sessionId: facts.threadId,
    requestId: null,
    // Amp's message ids are per-thread counters, not vendor ids: the thread-qualified key carries them.
    messageId: null,
    isSidechain: false,
    project: facts.project,
    account: file.root.account,
    tokens: t,
    // Amp reports credits, not dollars.
    vendorCostUsd: null,
    dedupeKey: `amp:${facts.threadId}:${r.key}`,
    sourcePath: file.path,
    sourceOffset: r.offset,
    parserVersion: AMP_PARSER_VERSION,
  }
}
