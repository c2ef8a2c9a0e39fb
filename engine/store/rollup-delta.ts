import { contextBucket } from '../../common/context-buckets.ts'
import { promptTokens, type TokenCounts } from '../../common/tokens.ts'
import { tokensOf, type TokenColumns } from './token-columns.ts'

/** What a stored event contributes to the rollups. */
export interface RollupContribution {
  readonly eventTs: number
  readonly provider: string
  readonly account: string
  readonly project: string
  readonly modelRaw: string
  readonly sessionId: string
  readonly tokens: TokenCounts
  readonly vendorCostUsd: number | null
}

/** The `events` columns a rollup row is made of. */
export interface EventRollupColumns extends TokenColumns {
  event_ts: number
  provider: string
  account: string
  project: string
  model_raw: string
  session_id: string
  vendor_cost_usd: number | null
}

/** What a stored events row contributes to the rollups. */
export function contributionOfRow(r: EventRollupColumns): RollupContribution {
  return {
    eventTs: r.event_ts,
    provider: r.provider,
    account: r.account,
    project: r.project,
    modelRaw: r.model_raw,
    sessionId: r.session_id,
    tokens: tokensOf(r),
    vendorCostUsd: r.vendor_cost_usd,
  }
}

export const Q15_MS = 15 * 60 * 1000
/** Providers whose events are aggregates of several requests (Cursor dashboard CSV rows). */
const AGGREGATE_ROW_PROVIDERS: ReadonlySet<string> = new Set(['cursor'])
export const DAY_MS = 24 * 60 * 60 * 1000

interface Acc {
  requests: number
  input: number
  output: number
  cacheRead: number
  cacheWrite5m: number
  cacheWrite1h: number
  reasoning: number
  vendorCost: number
  firstTs: number
  lastTs: number
}

/**
 * Accumulates signed contributions of a batch, keyed by rollup row, so that a batch of thousands of
 * events becomes a few upserts. Adding `-1 × old` and `+1 × new` makes merges and deletions exact even
 * when a merge moves a request into another prompt-size bucket.
 */
export class RollupDelta {
  readonly q15 = new Map<string, Acc>()
  readonly sessions = new Map<string, Acc>()

  add(c: RollupContribution, sign: 1 | -1): void {
    // A Cursor export row sums many requests: its size says nothing about one prompt, so no tier applies.
    const ctx = AGGREGATE_ROW_PROVIDERS.has(c.provider) ? 0 : contextBucket(promptTokens(c.tokens))
    const q = Math.floor(c.eventTs / Q15_MS)
    const day = Math.floor(c.eventTs / DAY_MS)
    accumulate(this.q15, `${q}\u0000${c.provider}\u0000${c.account}\u0000${c.project}\u0000${c.modelRaw}\u0000${ctx}`, c, sign)
    accumulate(
      this.sessions,
      `${c.provider}\u0000${c.sessionId}\u0000${day}\u0000${c.modelRaw}\u0000${ctx}\u0000${c.account}\u0000${c.project}`,
      c,
      sign,
    )
  }

  get isEmpty(): boolean {
    return this.q15.size === 0
  }
}

function accumulate(map: Map<string, Acc>, key: string, c: RollupContribution, sign: 1 | -1): void {
  let acc = map.get(key)
  if (acc === undefined) {
    acc = { requests: 0, input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0, vendorCost: 0, firstTs: c.eventTs, lastTs: c.eventTs }
    map.set(key, acc)
  }
  const t = c.tokens
  acc.requests += sign
  acc.input += sign * t.input
  acc.output += sign * t.output
  acc.cacheRead += sign * t.cacheRead
  acc.cacheWrite5m += sign * t.cacheWrite5m
  acc.cacheWrite1h += sign * t.cacheWrite1h
  acc.reasoning += sign * t.reasoning
  acc.vendorCost += sign * (c.vendorCostUsd ?? 0)
  if (c.eventTs < acc.firstTs) acc.firstTs = c.eventTs
  if (c.eventTs > acc.lastTs) acc.lastTs = c.eventTs
}

export type { Acc as RollupAccumulator }
