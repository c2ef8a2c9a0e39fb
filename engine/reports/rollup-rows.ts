import type { ProviderId } from '../../common/providers.ts'
import type { TokenCounts } from '../../common/tokens.ts'
import type { Db } from '../store/open-ledger.ts'
import { Q15_MS } from '../store/rollup-delta.ts'
import { tokensOf, type TokenColumns } from '../store/token-columns.ts'

/** One quarter-hour rollup row, as reports consume it. */
export interface RollupRow {
  readonly startMs: number
  readonly provider: ProviderId
  readonly account: string
  readonly project: string
  readonly modelRaw: string
  readonly ctxBucket: number
  readonly requests: number
  readonly tokens: TokenCounts
  readonly vendorCostUsd: number
}

export interface RowQuery {
  /** Inclusive UTC start; rows whose quarter hour starts before it are excluded. */
  readonly fromMs?: number | undefined
  /** Exclusive UTC end. */
  readonly toMs?: number | undefined
  readonly providers?: readonly ProviderId[] | undefined
}

interface Raw extends TokenColumns {
  q15: number
  provider: ProviderId
  account: string
  project: string
  model_raw: string
  ctx_bucket: number
  requests: number
  vendor_cost_usd: number
}

/** Reads rollup rows for a time range. Reports never touch the events table. */
export function loadRollupRows(db: Db, q: RowQuery): RollupRow[] {
  const from = q.fromMs === undefined ? Number.MIN_SAFE_INTEGER : Math.ceil(q.fromMs / Q15_MS)
  const to = q.toMs === undefined ? Number.MAX_SAFE_INTEGER : Math.ceil(q.toMs / Q15_MS)
  const providers = q.providers ?? []
  const where = providers.length > 0 ? ` AND provider IN (${providers.map(() => '?').join(',')})` : ''
  const stmt = db.prepare<unknown[], Raw>(`SELECT * FROM rollup_q15 WHERE q15 >= ? AND q15 < ?${where} ORDER BY q15`)
  return stmt.all(from, to, ...providers).map((r) => ({
    startMs: r.q15 * Q15_MS,
    provider: r.provider,
    account: r.account,
    project: r.project,
    modelRaw: r.model_raw,
    ctxBucket: r.ctx_bucket,
    requests: r.requests,
    tokens: tokensOf(r),
    vendorCostUsd: r.vendor_cost_usd,
  }))
}
