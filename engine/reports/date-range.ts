import type { ReportFilter } from '../../common/reports.ts'
import type { ReportContext } from './report-context.ts'
import type { RollupRow } from './rollup-rows.ts'

/** Inclusive local dates. */
export type DateRange = { since: string; until: string }

/** A report's local date range: the filter's bounds, else from the first usage (rows oldest first) to today. */
export function reportRange(ctx: ReportContext, filter: ReportFilter, rows: readonly RollupRow[]): DateRange {
  const today = ctx.calendar.today(ctx.now)
  const first = rows[0] === undefined ? today : ctx.calendar.date(rows[0].startMs)
  const last = rows.at(-1) === undefined ? today : ctx.calendar.date(rows.at(-1)!.startMs)
  return { since: filter.since ?? first, until: filter.until ?? (last > today ? last : today) }
}

/** A period's dates within the report's range (fees are prorated only over days the report covers). */
export function clip(p: DateRange, r: DateRange): DateRange {
  return { since: p.since > r.since ? p.since : r.since, until: p.until < r.until ? p.until : r.until }
}

/** `YYYY-MM` → its last day `YYYY-MM-DD`. */
export function lastDayOfMonth(month: string): string {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10)
}
