import type { BudgetPeriod } from '../../common/settings.ts'
import type { LocalCalendar } from '../reports/local-time.ts'

/**
 * The local date the current budget period started at `now`: today, the week's first day (0 Sunday,
 * 1 Monday) or the 1st of the month — the same boundaries as the snapshot's today/week/month figures.
 */
export function periodStartOf(calendar: LocalCalendar, now: number, period: BudgetPeriod, weekStartsOn: 0 | 1): string {
  const today = calendar.today(now)
  if (period === 'day') return today
  if (period === 'week') return calendar.weekStart(now, weekStartsOn)
  return `${today.slice(0, 8)}01`
}

/** The local date after the last day of the month starting `monthStart` (YYYY-MM-01). */
export function nextMonthStart(monthStart: string): string {
  const [y, m] = [Number(monthStart.slice(0, 4)), Number(monthStart.slice(5, 7))]
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

/** Words for a period in notification text. */
export const PERIOD_WORDS: Record<BudgetPeriod, { adjective: string; current: string }> = {
  day: { adjective: 'Daily', current: 'today' },
  week: { adjective: 'Weekly', current: 'this week' },
  month: { adjective: 'Monthly', current: 'this month' },
}
