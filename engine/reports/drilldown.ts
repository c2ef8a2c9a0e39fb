import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { DrilldownQuery, DrilldownResult } from '../../common/reports.ts'
import { Q15_MS } from '../store/rollup-delta.ts'
import { groupRows, type PricedRow } from './grouped-rows.ts'
import type { ReportContext } from './report-context.ts'
import { loadRollupRows } from './rollup-rows.ts'
import { loadSessionRows } from './session-rows.ts'
import { rowCost } from './row-cost.ts'

/** The popover's drilldown: providers → models of a provider → projects of a model → sessions. */
export function drilldown(ctx: ReportContext, query: DrilldownQuery): DrilldownResult {
  const fromMs = ctx.calendar.startOfDay(query.range.since)
  const toMs = ctx.calendar.endOfDay(query.range.until)
  const { pricer } = ctx
  if (query.level === 'sessions') {
    const rows = loadSessionRows(ctx.db, { fromMs, toMs, provider: query.provider })
    const priced: PricedRow[] = []
    for (const r of rows) {
      if (query.model !== undefined && pricer.resolve(r.provider, r.modelRaw).canonical !== query.model) continue
      if (query.project !== undefined && r.project !== query.project) continue
      priced.push({
        key: r.sessionId,
        label: r.sessionId,
        requests: r.requests,
        tokens: r.tokens,
        costUsd: pricer.cost(r.provider, r.modelRaw, r.firstTs, r.tokens, r.ctxBucket),
        firstTs: r.firstTs,
        lastTs: r.lastTs,
      })
    }
    return { query, rows: groupRows(priced) }
  }
  const rows = loadRollupRows(ctx.db, { fromMs, toMs, providers: query.provider === undefined ? undefined : [query.provider] })
  const priced: PricedRow[] = []
  for (const r of rows) {
    const canonical = pricer.resolve(r.provider, r.modelRaw).canonical
    if (query.model !== undefined && canonical !== query.model) continue
    const key = query.level === 'providers' ? r.provider : query.level === 'models' ? canonical : r.project
    const label = query.level === 'providers' ? PROVIDER_LABELS[r.provider] : query.level === 'projects' && key === '' ? '(unknown project)' : key
    priced.push({
      key,
      label,
      requests: r.requests,
      tokens: r.tokens,
      costUsd: rowCost(pricer, r),
      firstTs: r.startMs,
      lastTs: r.startMs + Q15_MS - 1,
    })
  }
  return { query, rows: groupRows(priced) }
}
