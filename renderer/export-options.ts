import type { ExportGroupName, ExportRequest } from '../common/methods/export-methods.ts'
import { addDays, rangeFor, type DateRange } from './ranges.ts'

/** The export panel's choices: ranges an invoice is usually for, every grouping and every file type. */
export const EXPORT_RANGE_KINDS = ['month', 'last-month', '30d', 'custom'] as const
export type ExportRangeKind = (typeof EXPORT_RANGE_KINDS)[number]

export const EXPORT_RANGE_LABELS = {
  month: 'This month',
  'last-month': 'Last month',
  '30d': '30 days',
  custom: 'Custom',
} as const satisfies Record<ExportRangeKind, string>

export const EXPORT_GROUP_LABELS = {
  day: 'Day',
  month: 'Month',
  provider: 'Agent',
  model: 'Model',
  project: 'Project',
  session: 'Session',
} as const satisfies Record<ExportGroupName, string>

export type ExportFileFormat = ExportRequest['format']
export const EXPORT_FORMAT_LABELS = {
  csv: 'CSV (spreadsheet)',
  json: 'JSON',
  md: 'Markdown',
  html: 'HTML invoice',
  pdf: 'PDF invoice',
} as const satisfies Record<ExportFileFormat, string>

/** The dates of a range choice, as inclusive local dates; `custom` is the user's dates as typed. */
export function exportRange(kind: ExportRangeKind, today: string, custom: DateRange): DateRange {
  switch (kind) {
    case 'month':
      return rangeFor('month', today)
    case 'last-month': {
      const firstOfThisMonth = `${today.slice(0, 8)}01`
      const lastOfPrevious = addDays(firstOfThisMonth, -1)
      return { since: `${lastOfPrevious.slice(0, 8)}01`, until: lastOfPrevious }
    }
    case '30d':
      return rangeFor('30d', today)
    case 'custom':
      return custom
    default:
      return kind satisfies never
  }
}

/** What is wrong with custom dates, per field (empty when they can be exported). */
export function customRangeErrors(range: DateRange): Partial<Record<keyof DateRange, string>> {
  const errors: Partial<Record<keyof DateRange, string>> = {}
  if (!isDate(range.since)) errors.since = 'Pick a start date.'
  if (!isDate(range.until)) errors.until = 'Pick an end date.'
  else if (isDate(range.since) && range.until < range.since) errors.until = 'The end date is before the start date.'
  return errors
}

const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s)

/** A file size for "Saved to … (12 KB)": KB up to a megabyte, one decimal under 10. */
export function formatFileSize(bytes: number, locale: string | undefined): string {
  const mb = bytes >= 1024 * 1024
  const value = mb ? bytes / (1024 * 1024) : bytes / 1024
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)
  return `${text} ${mb ? 'MB' : 'KB'}`
}
