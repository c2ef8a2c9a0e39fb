import { REPORT_SCHEMA_VERSION, type ReportFilter } from '../../common/reports.ts'
import type { ProviderId } from '../../common/providers.ts'
import { addReportTokens, emptyReportTokens, toReportTokens, type ReportTokens } from '../../common/tokens.ts'
import { roundUsd } from './period-lines.ts'
import { rowQueryOf, type ReportContext } from './report-context.ts'
import { asRollupRows, loadSessionRows } from './session-rows.ts'
import { economicsOf } from './effective-costs.ts'
import { rowCost } from './row-cost.ts'

export interface SessionLine {
  provider: ProviderId
  sessionId: string
  project: string | null
  account: string
  models: string[]
  firstAt: string
  lastAt: string
  requests: number
  tokens: ReportTokens
  costUsd: number | null
  /** With plan fees blended in (equals costUsd without plans); null when unpriced. */
  effectiveCostUsd: number | null
}

export interface SessionsReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  timezone: string
  sessions: SessionLine[]
  totals: { requests: number; tokens: ReportTokens; costUsd: number | null }
}

/** `tokenledger session`: one line per agent session, most recent first. */
export function sessionsReport(ctx: ReportContext, filter: ReportFilter): SessionsReport {
  const q = rowQueryOf(filter, ctx.calendar)
  const rows = loadSessionRows(ctx.db, { fromMs: q.fromMs, toMs: q.toMs, providers: q.providers })
  const shaped = asRollupRows(rows)
  const today = ctx.calendar.today(ctx.now)
  const earliest = shaped.reduce((min, r) => Math.min(min, r.startMs), Number.POSITIVE_INFINITY)
  const eco = economicsOf(ctx, shaped, { since: filter.since ?? (Number.isFinite(earliest) ? ctx.calendar.date(earliest) : today), until: filter.until ?? today })
  const byId = new Map<string, SessionLine & { first: number; last: number; models: string[] }>()
  const totals = { requests: 0, tokens: emptyReportTokens(), costUsd: null as number | null }
  rows.forEach((r, i) => {
    const key = `${r.provider}\u0000${r.sessionId}`
    let s = byId.get(key)
    if (s === undefined) {
      s = { provider: r.provider, sessionId: r.sessionId, project: r.project || null, account: r.account, models: [], firstAt: '', lastAt: '', requests: 0, tokens: emptyReportTokens(), costUsd: null, effectiveCostUsd: null, first: r.firstTs, last: r.lastTs }
      byId.set(key, s)
    }
    const canonical = ctx.pricer.resolve(r.provider, r.modelRaw).canonical
    if (!s.models.includes(canonical)) s.models.push(canonical)
    const t = toReportTokens(r.tokens)
    const cost = rowCost(ctx.pricer, { ...r, startMs: r.firstTs })
    s.requests += r.requests
    addReportTokens(s.tokens, t)
    totals.requests += r.requests
    addReportTokens(totals.tokens, t)
    if (cost !== null) {
      s.costUsd = (s.costUsd ?? 0) + cost
      totals.costUsd = (totals.costUsd ?? 0) + cost
    }
    const effective = cost === null ? null : (eco.rows[i]?.effectiveCostUsd ?? cost)
    if (effective !== null) s.effectiveCostUsd = (s.effectiveCostUsd ?? 0) + effective
    s.first = Math.min(s.first, r.firstTs)
    s.last = Math.max(s.last, r.lastTs)
  })
  const sessions: SessionLine[] = [...byId.values()]
    .sort((a, b) => b.last - a.last)
    .map(({ first, last, ...s }) => ({ ...s, costUsd: roundUsd(s.costUsd), effectiveCostUsd: roundUsd(s.effectiveCostUsd), firstAt: new Date(first).toISOString(), lastAt: new Date(last).toISOString() }))
  return { schemaVersion: REPORT_SCHEMA_VERSION, timezone: ctx.calendar.timezone, sessions, totals: { ...totals, costUsd: roundUsd(totals.costUsd) } }
}
