import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { DrilldownQuery, DrilldownResult } from '../../common/reports.ts'
import { Q15_MS } from '../store/rollup-delta.ts'
import { economicsOf } from './effective-costs.ts'
import { groupRows, type PricedRow } from './grouped-rows.ts'
import type { ReportContext } from './report-context.ts'
import { loadRollupRows } from './rollup-rows.ts'
import { rowCost } from './row-cost.ts'
import { asRollupRows, loadSessionRows } from './session-rows.ts'

/**
 * The popover's drilldown: providers → models of a provider → projects of a model → sessions. Effective
 * costs are computed over every row of the range before filtering, because a covered row's share of its
 * plan fee depends on all the usage that plan covered.
 */
export function drilldown(ctx: ReportContext, query: DrilldownQuery): DrilldownResult {
  const fromMs = ctx.calendar.startOfDay(query.range.since)
  const toMs = ctx.calendar.endOfDay(query.range.until)
  const { pricer } = ctx
  if (query.level === 'sessions') {
    const sessionRows = loadSessionRows(ctx.db, { fromMs, toMs, provider: query.provider })
    const rows = asRollupRows(sessionRows)
    const eco = economicsOf(ctx, rows, query.range)
    const priced: PricedRow[] = []
    sessionRows.forEach((r, i) => {
      if (query.model !== undefined && pricer.resolve(r.provider, r.modelRaw).canonical !== query.model) return
      if (query.project !== undefined && r.project !== query.project) return
      const costUsd = rowCost(pricer, rows[i]!)
      priced.push({ key: r.sessionId, label: r.sessionId, requests: r.requests, tokens: r.tokens, costUsd, effectiveCostUsd: eco.rows[i]?.effectiveCostUsd ?? costUsd, firstTs: r.firstTs, lastTs: r.lastTs })
    })
    return { query, rows: groupRows(priced) }
  }
  const rows = loadRollupRows(ctx.db, { fromMs, toMs, providers: query.provider === undefined ? undefined : [query.provider] })
  const eco = economicsOf(ctx, rows, query.range)
  const priced: PricedRow[] = []
  rows.forEach((r, i) => {
    const canonical = pricer.resolve(r.provider, r.modelRaw).canonical
    if (query.model !== undefined && canonical !== query.model) return
    const key = query.level === 'providers' ? r.provider : query.level === 'models' ? canonical : r.project
    const label = query.level === 'providers' ? PROVIDER_LABELS[r.provider] : query.level === 'projects' && key === '' ? '(unknown project)' : key
    const costUsd = rowCost(pricer, r)
    priced.push({ key, label, requests: r.requests, tokens: r.tokens, costUsd, effectiveCostUsd: eco.rows[i]?.effectiveCostUsd ?? costUsd, firstTs: r.startMs, lastTs: r.startMs + Q15_MS - 1 })
  })
  return { query, rows: groupRows(priced) }
}
