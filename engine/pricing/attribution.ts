import type { AttributionRule, EconomicsRow, UserPlan } from './economics-types.ts'

const Q15_MS = 900_000

/**
 * Local calendar day (YYYY-MM-DD) of instants in a time zone. Every real UTC offset is a multiple of 15
 * minutes, so the day is constant within a quarter hour: cache per quarter hour (rollup rows are q15).
 */
export function localDayFn(timezone: string): (tsMs: number) => string {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const cache = new Map<number, string>()
  return (tsMs) => {
    const q = Math.floor(tsMs / Q15_MS)
    let day = cache.get(q)
    if (day === undefined) {
      day = fmt.format(new Date(tsMs))
      cache.set(q, day)
    }
    return day
  }
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
