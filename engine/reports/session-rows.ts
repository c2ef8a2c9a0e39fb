import type { ProviderId } from '../../common/providers.ts'
import type { TokenCounts } from '../../common/tokens.ts'
import type { Db } from '../store/open-ledger.ts'
import { DAY_MS } from '../store/rollup-delta.ts'
import { tokensOf, type TokenColumns } from '../store/token-columns.ts'
import type { RollupRow } from './rollup-rows.ts'

/** One session × UTC day × model × prompt-size bucket, from the session rollup. */
export interface SessionRow {
  readonly provider: ProviderId
  readonly sessionId: string
  readonly dayStartMs: number
  readonly modelRaw: string
  readonly ctxBucket: number
  readonly account: string
  readonly project: string
  readonly firstTs: number
  readonly lastTs: number
  readonly requests: number
  readonly tokens: TokenCounts
  /** The vendor's own charge (Cursor); 0 where the vendor reports none. */
  readonly vendorCostUsd: number
}

interface Raw extends TokenColumns {
  provider: ProviderId
  session_id: string
  utc_day: number
  model_raw: string
  ctx_bucket: number
  account: string
  project: string
  first_ts: number
  last_ts: number
  requests: number
  vendor_cost_usd: number
}

/**
 * Session rows whose activity overlaps [fromMs, toMs). Session rollups are cut by UTC day, so a range in
 * another zone includes whole UTC days at its edges: session lists are by session, not by exact hour.
 */
export function loadSessionRows(db: Db, q: { fromMs?: number | undefined; toMs?: number | undefined; providers?: readonly ProviderId[] | undefined; provider?: ProviderId | undefined }): SessionRow[] {
  const fromDay = q.fromMs === undefined ? Number.MIN_SAFE_INTEGER : Math.floor(q.fromMs / DAY_MS)
  const toDay = q.toMs === undefined ? Number.MAX_SAFE_INTEGER : Math.floor((q.toMs - 1) / DAY_MS)
  const providers = q.provider !== undefined ? [q.provider] : (q.providers ?? [])
  const where = providers.length > 0 ? ` AND provider IN (${providers.map(() => '?').join(',')})` : ''
  const stmt = db.prepare<unknown[], Raw>(`SELECT * FROM session_rollup WHERE utc_day >= ? AND utc_day <= ?${where}`)
  return stmt.all(fromDay, toDay, ...providers).map((r) => ({
    provider: r.provider,
    sessionId: r.session_id,
    dayStartMs: r.utc_day * DAY_MS,
    modelRaw: r.model_raw,
    ctxBucket: r.ctx_bucket,
    account: r.account,
    project: r.project,
    firstTs: r.first_ts,
    lastTs: r.last_ts,
    requests: r.requests,
    tokens: tokensOf(r),
    vendorCostUsd: r.vendor_cost_usd,
  }))
}

/** Session rows in rollup shape (dated by their first request), for pricing and economics. */
export function asRollupRows(rows: readonly SessionRow[]): RollupRow[] {
  return rows.map((r) => ({ startMs: r.firstTs, provider: r.provider, account: r.account, project: r.project, modelRaw: r.modelRaw, ctxBucket: r.ctxBucket, requests: r.requests, tokens: r.tokens, vendorCostUsd: r.vendorCostUsd }))
}
