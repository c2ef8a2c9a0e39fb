import { REPORT_SCHEMA_VERSION, type DailyReport, type PeriodLine, type ReportFilter } from '../../common/reports.ts'
import { aggregatePeriods, totalsOf } from './period-lines.ts'
import { rowQueryOf, type ReportContext } from './report-context.ts'
import { loadRollupRows } from './rollup-rows.ts'

/** `tokenledger daily`: one line per local date with usage, models inside, totals at the end. */
export function dailyReport(ctx: ReportContext, filter: ReportFilter): DailyReport {
  const rows = loadRollupRows(ctx.db, rowQueryOf(filter, ctx.calendar))
  const periods = aggregatePeriods(rows, (r) => ctx.calendar.date(r.startMs), ctx.pricer)
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    timezone: ctx.calendar.timezone,
    days: [...periods].map(([date, line]) => ({ date, ...line })),
    totals: totalsOf(periods.values()),
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
export function weeklyReport(ctx: ReportContext, filter: ReportFilter): WeeklyReport {
  const weekStartsOn = filter.weekStartsOn ?? 1
  const rows = loadRollupRows(ctx.db, rowQueryOf(filter, ctx.calendar))
  const periods = aggregatePeriods(rows, (r) => ctx.calendar.weekStart(r.startMs, weekStartsOn), ctx.pricer)
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    timezone: ctx.calendar.timezone,
    weekStartsOn,
    weeks: [...periods].map(([week, line]) => ({ week, ...line })),
    totals: totalsOf(periods.values()),
  }
}

export interface MonthlyReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  timezone: string
  months: Array<PeriodLine & { month: string }>
  totals: DailyReport['totals']
}

/** `tokenledger monthly`: local calendar months `YYYY-MM`. */
export function monthlyReport(ctx: ReportContext, filter: ReportFilter): MonthlyReport {
  const rows = loadRollupRows(ctx.db, rowQueryOf(filter, ctx.calendar))
  const periods = aggregatePeriods(rows, (r) => ctx.calendar.month(r.startMs), ctx.pricer)
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    timezone: ctx.calendar.timezone,
    months: [...periods].map(([month, line]) => ({ month, ...line })),
    totals: totalsOf(periods.values()),
  }
}

export interface ModelsReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  timezone: string
  models: PeriodLine['models']
  totals: DailyReport['totals']
}

/** `tokenledger models`: usage per provider × model over the whole range. */
export function modelsReport(ctx: ReportContext, filter: ReportFilter): ModelsReport {
  const rows = loadRollupRows(ctx.db, rowQueryOf(filter, ctx.calendar))
  const all = aggregatePeriods(rows, () => 'all', ctx.pricer).get('all')
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    timezone: ctx.calendar.timezone,
    models: all?.models ?? [],
    totals: totalsOf(all === undefined ? [] : [all]),
  }
}
