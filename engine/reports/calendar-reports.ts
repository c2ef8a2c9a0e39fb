import { REPORT_SCHEMA_VERSION, type DailyReport, type PeriodLine, type ReportFilter } from '../../common/reports.ts'
import { applyEconomics, economicsSummary } from './apply-economics.ts'
import { LocalCalendar } from './local-time.ts'
import { aggregatePeriods, totalsOf } from './period-lines.ts'
import type { RollupRow } from './rollup-rows.ts'
import { rowQueryOf, type ReportContext } from './report-context.ts'
import { loadRollupRows } from './rollup-rows.ts'
import { clip, lastDayOfMonth, reportRange } from './date-range.ts'

/** `tokenledger daily`: one line per local date with usage, models inside, totals at the end. */
export function dailyReport(reportCtx: ReportContext, filter: ReportFilter): DailyReport {
  const ctx = scopedToProviders(reportCtx, filter)
  const rows = loadRollupRows(ctx.db, rowQueryOf(filter, ctx.calendar))
  const dayOf = (r: RollupRow): string => ctx.calendar.date(r.startMs)
  const periods = aggregatePeriods(rows, dayOf, ctx.pricer)
  const range = reportRange(ctx, filter, rows)
  applyEconomics(ctx, rows, dayOf, periods, (d) => clip({ since: d, until: d }, range))
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    timezone: ctx.calendar.timezone,
    days: [...periods].map(([date, line]) => ({ date, ...line })),
    totals: { ...totalsOf(periods.values()), economics: economicsSummary(ctx, rows, range) },
  }
}

export interface WeeklyReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  timezone: string
  weekStartsOn: 0 | 1
  weeks: Array<PeriodLine & { week: string }>
  totals: DailyReport['totals']
}

/** `tokenledger weekly`: weeks are named by their first local date. */
export function weeklyReport(reportCtx: ReportContext, filter: ReportFilter): WeeklyReport {
  const ctx = scopedToProviders(reportCtx, filter)
  const weekStartsOn = filter.weekStartsOn ?? ctx.weekStartsOn ?? 1
  const rows = loadRollupRows(ctx.db, rowQueryOf(filter, ctx.calendar))
  const weekOf = (r: RollupRow): string => ctx.calendar.weekStart(r.startMs, weekStartsOn)
  const periods = aggregatePeriods(rows, weekOf, ctx.pricer)
  const range = reportRange(ctx, filter, rows)
  applyEconomics(ctx, rows, weekOf, periods, (w) => clip({ since: w, until: LocalCalendar.addDays(w, 6) }, range))
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    timezone: ctx.calendar.timezone,
    weekStartsOn,
    weeks: [...periods].map(([week, line]) => ({ week, ...line })),
    totals: { ...totalsOf(periods.values()), economics: economicsSummary(ctx, rows, range) },
  }
}

export interface MonthlyReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  timezone: string
  months: Array<PeriodLine & { month: string }>
  totals: DailyReport['totals']
}

/** `tokenledger monthly`: local calendar months `YYYY-MM`. */
export function monthlyReport(reportCtx: ReportContext, filter: ReportFilter): MonthlyReport {
  const ctx = scopedToProviders(reportCtx, filter)
  const rows = loadRollupRows(ctx.db, rowQueryOf(filter, ctx.calendar))
  const monthOf = (r: RollupRow): string => ctx.calendar.month(r.startMs)
  const periods = aggregatePeriods(rows, monthOf, ctx.pricer)
  const range = reportRange(ctx, filter, rows)
  applyEconomics(ctx, rows, monthOf, periods, (m) => clip({ since: `${m}-01`, until: lastDayOfMonth(m) }, range))
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    timezone: ctx.calendar.timezone,
    months: [...periods].map(([month, line]) => ({ month, ...line })),
    totals: { ...totalsOf(periods.values()), economics: economicsSummary(ctx, rows, range) },
  }
}

export interface ModelsReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  timezone: string
  models: PeriodLine['models']
  totals: DailyReport['totals']
}

/** `tokenledger models`: usage per provider × model over the whole range. */
export function modelsReport(reportCtx: ReportContext, filter: ReportFilter): ModelsReport {
  const ctx = scopedToProviders(reportCtx, filter)
  const rows = loadRollupRows(ctx.db, rowQueryOf(filter, ctx.calendar))
  const periods = aggregatePeriods(rows, () => 'all', ctx.pricer)
  const range = reportRange(ctx, filter, rows)
  applyEconomics(ctx, rows, () => 'all', periods, () => range)
  const all = periods.get('all')
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    timezone: ctx.calendar.timezone,
    models: all?.models ?? [],
    totals: { ...totalsOf(all === undefined ? [] : [all]), economics: economicsSummary(ctx, rows, range) },
  }
}

/** With a provider filter, only plans covering those providers count (their fees are what was paid). */
function scopedToProviders(ctx: ReportContext, filter: ReportFilter): ReportContext {
  const providers = filter.providers
  if (providers === undefined || providers.length === 0) return ctx
  return { ...ctx, plans: ctx.plans.filter((p) => providers.includes(p.provider)) }
}

