/**
 * Report ranges for the drilldown switch, as inclusive local dates in the snapshot's time zone (the
 * engine buckets days in that zone, so "today" must be computed there too, not in the browser's zone).
 */
export const RANGE_KINDS = ['today', '7d', '30d', 'month', 'custom'] as const
export type RangeKind = (typeof RANGE_KINDS)[number]

export const RANGE_LABELS = {
  today: 'Today',
  '7d': '7 days',
  '30d': '30 days',
  month: 'This month',
  custom: 'Custom',
} as const satisfies Record<RangeKind, string>

export interface DateRange {
  since: string
  until: string
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}

/** Adds whole days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The dates of a range kind; `custom` uses the user's chosen dates (clamped so since ≤ until). */
export function rangeFor(kind: RangeKind, today: string, custom?: DateRange): DateRange {
  switch (kind) {
    case 'custom': {
      const since = custom?.since ?? addDays(today, -6)
      const until = custom?.until ?? today
      return since <= until ? { since, until } : { since: until, until: since }
    }
    case 'today':
      return { since: today, until: today }
    case '7d':
      return { since: addDays(today, -6), until: today }
    case '30d':
      return { since: addDays(today, -29), until: today }
    case 'month':
      return { since: `${today.slice(0, 8)}01`, until: today }
    default:
      return kind satisfies never
  }
}
