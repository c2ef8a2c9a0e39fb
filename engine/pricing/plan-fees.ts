import type { UserPlan } from './economics-types.ts'

const DAY_MS = 86_400_000

/** Days since 1970-01-01 for a YYYY-MM-DD calendar date (calendar arithmetic, no time zone). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return Date.UTC(y!, m! - 1, d!) / DAY_MS
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** Start day of billing cycle k: the anchor's day of month, clamped to short months (Jan 31 → Feb 28). */
function cycleStart(anchor: string, months: number): number {
  const [y, m, d] = anchor.split('-').map(Number)
  const first = new Date(Date.UTC(y!, m! - 1 + months, 1))
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  return Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d!, lastDay)) / DAY_MS
}

/** Days of the plan's coverage that fall in [since, until] (inclusive dates). */
export function coveredDays(plan: UserPlan, since: string, until: string): number {
  const from = Math.max(dayNumber(plan.startDate), dayNumber(since))
  const to = Math.min(plan.endDate === null ? Number.POSITIVE_INFINITY : dayNumber(plan.endDate), dayNumber(until))
  return Math.max(0, to - from + 1)
}

/**
 * F_plan(P): the fee attributable to the period. Each billing cycle's fee is spread evenly over the
 * cycle's days, and the period gets the days it shares with the plan's coverage. A full month costs
 * exactly the fee; 15 covered days of a 31-day cycle cost 15/31 of it.
 */
export function planFeeForPeriod(plan: UserPlan, since: string, until: string): number {
  const from = Math.max(dayNumber(plan.startDate), dayNumber(since))
  const to = Math.min(plan.endDate === null ? Number.POSITIVE_INFINITY : dayNumber(plan.endDate), dayNumber(until))
  if (to < from) return 0
  const step = plan.billing === 'annual' ? 12 : 1
  let fee = 0
  // Skip whole cycles before the overlap: count months between anchor and overlap start.
  const anchor = dayNumber(plan.startDate)
  let k = Math.max(0, Math.floor((from - anchor) / 31 / step) - 1) * step
  for (; ; k += step) {
    const start = cycleStart(plan.startDate, k)
    const end = cycleStart(plan.startDate, k + step) - 1
    if (start > to) break
    const lo = Math.max(start, from)
    const hi = Math.min(end, to)
    if (hi >= lo) fee += (plan.feeUsd * (hi - lo + 1)) / (end - start + 1)
  }
  return fee
}
