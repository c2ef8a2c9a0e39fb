import type { ReportFilter } from '../../common/reports.ts'
import { economicsSummary } from '../reports/apply-economics.ts'
import { economicsOf } from '../reports/effective-costs.ts'
import { roundUsd } from '../reports/period-lines.ts'
import { rowQueryOf, type ReportContext } from '../reports/report-context.ts'
import { loadRollupRows, type RollupRow } from '../reports/rollup-rows.ts'
import { loadSessionRows } from '../reports/session-rows.ts'
import { addUsageTokens, addUsd, aggregateUsage, emptyExportTokens, type Dim } from './aggregate-usage.ts'
import type { ExportData, ExportGroup, ExportPlan, ExportRow, UnpricedModel } from './export-types.ts'
import { applyEffectiveCosts, pricedRollups, pricedSessions, type PricedUsage } from './priced-usage.ts'
import { clip, lastDayOfMonth, reportRange, type DateRange } from '../reports/date-range.ts'

export interface ExportOptions {
  readonly group: ExportGroup
  readonly filter: ReportFilter
}

/** The export's lines plus the two views an invoice always shows, all from the same priced usage. */
export interface ExportBundle {
  readonly data: ExportData
  readonly byProvider: ExportRow[]
  readonly byProject: ExportRow[]
}

/** Lines are tidy: a period or project line is split by provider × model, so every cell is one fact. */
const DIMS: Record<ExportGroup, readonly Dim[]> = {
  day: ['period', 'provider', 'model'],
  month: ['period', 'provider', 'model'],
  provider: ['provider'],
  model: ['provider', 'model'],
  project: ['project', 'provider', 'model'],
  session: ['session', 'provider', 'model'],
}

/**
 * Builds an export from the rollups only (the same rows and pricing as the reports, so totals match
 * `daily`/`models`/`session`). Calendar groups blend plan fees per period like `daily`/`monthly`; the
 * other groups blend them over the whole range like `models`.
 */
export function buildExport(ctx: ReportContext, options: ExportOptions): ExportBundle {
  const { group, filter } = options
  // A provider filter leaves out the fees of other providers' plans too: they paid for usage not shown.
  const scoped: ReportContext = filter.providers === undefined ? ctx : { ...ctx, plans: ctx.plans.filter((p) => filter.providers!.includes(p.provider)) }
  const query = rowQueryOf(filter, ctx.calendar)
  const rollups = loadRollupRows(ctx.db, query)
  const range = reportRange(ctx, filter, rollups)
  const usage = group === 'session' ? pricedSessions(scoped, loadSessionRows(ctx.db, query), range) : pricedRollups(scoped, rollups)
  const cal = ctx.calendar
  const periodOf = group === 'day' ? (u: PricedUsage) => cal.date(u.tsMs) : group === 'month' ? (u: PricedUsage) => cal.month(u.tsMs) : () => 'all'
  const rangeOf =
    group === 'day'
      ? (d: string) => clip({ since: d, until: d }, range)
      : group === 'month'
        ? (m: string) => clip({ since: `${m}-01`, until: lastDayOfMonth(m) }, range)
        : () => range
  applyEffectiveCosts(scoped, usage, periodOf, rangeOf)

  const summary = economicsSummary(scoped, rollups, range)
  const totals = { requests: 0, tokens: emptyExportTokens(), costUsd: null as number | null, effectiveCostUsd: summary.effectiveCostUsd }
  for (const u of usage) {
    totals.requests += u.requests
    addUsageTokens(totals.tokens, u)
    totals.costUsd = addUsd(totals.costUsd, u.costUsd)
  }
  const data: ExportData = {
    group,
    generatedAt: new Date(ctx.now).toISOString(),
    timezone: cal.timezone,
    range,
    registryVersion: ctx.pricer.registryVersion,
    rows: aggregateUsage(usage, DIMS[group], periodOf),
    totals: { ...totals, costUsd: roundUsd(totals.costUsd) },
    economics: { ...summary, plans: activePlans(scoped, rollups, range) },
    unpricedModels: unpricedModels(usage),
  }
  return { data, byProvider: aggregateUsage(usage, ['provider']), byProject: aggregateUsage(usage, ['project']) }
}

function activePlans(ctx: ReportContext, rows: readonly RollupRow[], range: DateRange): ExportPlan[] {
  return economicsOf(ctx, rows, range).plans.flatMap((pe) => {
    const plan = ctx.plans.find((p) => p.id === pe.planId)
    if (plan === undefined) return []
    return [
      {
        id: plan.id,
        name: plan.name,
        provider: plan.provider,
        account: plan.account,
        billing: plan.billing,
        cycleFeeUsd: plan.feeUsd,
        startDate: plan.startDate,
        endDate: plan.endDate,
        pricingMode: pe.pricingMode,
        activeDays: pe.activeDays,
        feeUsd: roundUsd(pe.feeUsd) ?? 0,
        valueUsd: roundUsd(pe.valueUsd) ?? 0,
        multiple: pe.multiple === null ? null : Math.round(pe.multiple * 100) / 100,
        effectiveUsdPerMtok: roundUsd(pe.effectiveUsdPerMtok),
      },
    ]
  })
}

/** Models whose usage has no price: listed with their tokens, so nothing is silently costed at $0. */
function unpricedModels(usage: readonly PricedUsage[]): UnpricedModel[] {
  const byModel = new Map<string, UnpricedModel>()
  for (const u of usage) {
    if (u.costUsd !== null) continue
    const key = `${u.provider}\u0000${u.model}`
    const m = byModel.get(key) ?? { provider: u.provider, model: u.model, requests: 0, tokens: 0 }
    const t = u.tokens
    m.requests += u.requests
    m.tokens += t.input + t.output + t.cacheRead + t.cacheWrite5m + t.cacheWrite1h
    byModel.set(key, m)
  }
  return [...byModel.values()].sort((a, b) => b.tokens - a.tokens || a.model.localeCompare(b.model))
}

