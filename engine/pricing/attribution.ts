import { LocalCalendar } from '../reports/local-time.ts'
import type { AttributionRule, EconomicsRow, UserPlan } from './economics-types.ts'

/**
 * Local calendar day (YYYY-MM-DD) of instants in a time zone. The report calendar's offset cache, not an
 * Intl format per row: economics runs over every rollup row of a period.
 */
export function localDayFn(timezone: string): (tsMs: number) => string {
  const calendar = new LocalCalendar(timezone)
  return (tsMs) => calendar.date(tsMs)
}

export function planActiveOn(plan: UserPlan, day: string): boolean {
  return plan.startDate <= day && (plan.endDate === null || day <= plan.endDate)
}

/** The plan covering a row by default: an active plan of its provider, for its account or for any account. */
function defaultPlan(plans: readonly UserPlan[], row: EconomicsRow, day: string): UserPlan | null {
  let best: UserPlan | null = null
  for (const p of plans) {
    if (p.provider !== row.provider || (p.account !== null && p.account !== row.account) || !planActiveOn(p, day)) continue
    // Prefer the account-specific plan, then the most recently started one.
    if (best === null || (best.account === null && p.account !== null) || (best.account === p.account && p.startDate > best.startDate)) best = p
  }
  return best
}

function ruleMatches(r: AttributionRule, row: EconomicsRow, day: string): boolean {
  return (
    (r.provider === null || r.provider === row.provider) &&
    (r.account === null || r.account === row.account) &&
    (r.project === null || r.project === row.project) &&
    (r.from === null || r.from <= day) &&
    (r.until === null || day <= r.until)
  )
}

/** The plan that covers a row on its local day, or null when the row is paid per token. */
export function coveringPlan(plans: readonly UserPlan[], rules: readonly AttributionRule[], row: EconomicsRow, day: string): UserPlan | null {
  const rule = rules.find((r) => ruleMatches(r, row, day))
  if (rule === undefined) return defaultPlan(plans, row, day)
  if (rule.billing === 'api') return null
  if (rule.planId === null) return defaultPlan(plans, row, day)
  const plan = plans.find((p) => p.id === rule.planId)
  return plan !== undefined && planActiveOn(plan, day) ? plan : null
}
