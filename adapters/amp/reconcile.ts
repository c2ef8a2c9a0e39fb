import type { TokenCounts } from '../../common/tokens.ts'
import type { LedgerEvent } from './ledger-events.ts'
import type { MessageUsage } from './message-usage.ts'

/** One request of a thread, from exactly one of: a ledger event (cache joined) or a message's usage. */
export interface UsageRecord {
  /** Identity within the thread: the message id (so either source of one message gives the same key). */
  readonly key: string
  /** Message index, or the ledger index for a ledger event tied to no message. */
  readonly offset: number
  readonly ts: number | null
  readonly model: string | null
  readonly tokens: TokenCounts
  readonly total: number
}

/**
 * Reads each message ONCE (agent-formats.md §9). A ledger event that pays for a message with usage takes
 * that message's cache tokens (the ledger has no cache split) and the message's own usage is then not
 * read; a ledger event for a message without usage (or for none) counts alone; a message with usage that
 * no ledger event names counts from its usage. Ledger and message for the same message id share the key,
 * so a thread rewritten from one schema to the other still stores the request once.
 */
export function reconcile(messages: readonly MessageUsage[], ledger: readonly LedgerEvent[]): UsageRecord[] {
  const byId = new Map<string, MessageUsage>()
  for (const m of messages) if (m.id !== null && !byId.has(m.id)) byId.set(m.id, m)
  const used = new Set<string>()
  const joined = new Set<MessageUsage>()
  const out: UsageRecord[] = []
  const claimKey = (preferred: string | null, fallback: string): string => {
    const key = preferred !== null && !used.has(preferred) ? preferred : fallback
    used.add(key)
    return key
  }
  for (const e of ledger) {
    const m = e.toMessageId === null ? undefined : byId.get(e.toMessageId)
    const join = m !== undefined && !joined.has(m) ? m : undefined
    if (join !== undefined) joined.add(join)
    out.push({
      key: claimKey(e.toMessageId, `ledger:${e.id ?? e.index}`),
      offset: join?.index ?? e.index,
      ts: e.ts ?? join?.ts ?? null,
      model: e.model ?? join?.model ?? null,
      tokens: tokens(e.input, e.output, e.cacheRead ?? join?.cacheRead ?? 0, e.cacheWrite ?? join?.cacheWrite ?? 0),
      total: e.total,
    })
  }
  for (const m of messages) {
    if (joined.has(m)) continue
    out.push({
      key: claimKey(m.id, `#${m.index}`),
      offset: m.index,
      ts: m.ts,
      model: m.model,
      tokens: tokens(m.input, m.output, m.cacheRead, m.cacheWrite),
      total: m.total,
    })
  }
  return out
}

/** Amp → TokenLedger buckets: input excludes the cache; writes have no TTL (5m); reasoning not reported. */
function tokens(input: number, output: number, cacheRead: number, cacheWrite: number): TokenCounts {
  return { input, output, cacheRead, cacheWrite5m: cacheWrite, cacheWrite1h: 0, reasoning: 0 }
}
