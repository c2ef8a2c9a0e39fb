import { describe, expect, it } from 'vitest'
import type { UserPlan } from './economics-types.ts'
import { coveredDays, planFeeForPeriod } from './plan-fees.ts'

const plan = (p: Partial<UserPlan>): UserPlan => ({
  id: 'p',
  name: 'Plan',
  catalogueId: null,
  provider: 'claude',
  account: null,
  billing: 'monthly',
  feeUsd: 100,
  startDate: '2026-01-01',
  endDate: null,
  ...p,
})

describe('planFeeForPeriod', () => {
  it.each([
    // A whole calendar cycle costs exactly the fee.
    ['full month', plan({}), '2026-03-01', '2026-03-31', 100],
    // 15 of March's 31 days: 100 × 15 / 31
    ['half of March', plan({}), '2026-03-01', '2026-03-15', (100 * 15) / 31],
    // Cycles anchored on the 16th: Mar 16 – Apr 15 is 31 days; March holds 16 of them: 100 × 16 / 31
    ['mid-month start', plan({ startDate: '2026-03-16' }), '2026-03-01', '2026-03-31', (100 * 16) / 31],
    // Ends Mar 15: 15 covered days of the Mar 1 – Mar 31 cycle.
    ['ended mid-month', plan({ endDate: '2026-03-15' }), '2026-03-01', '2026-03-31', (100 * 15) / 31],
    // Anchor Jan 31 clamps to Feb 28: cycle Jan 31 – Feb 27 (28 days), then Feb 28 – Mar 30 (31 days).
    //   February: Feb 1–27 = 27/28 of cycle 1 + Feb 28 = 1/31 of cycle 2 → 100 × (27/28 + 1/31)
    ['anchor clamped to short month', plan({ startDate: '2026-01-31' }), '2026-02-01', '2026-02-28', 100 * (27 / 28 + 1 / 31)],
    // Annual $200 from 2026-01-01: a 365-day cycle, March = 31 days → 200 × 31 / 365
    ['annual, one month', plan({ billing: 'annual', feeUsd: 200 }), '2026-03-01', '2026-03-31', (200 * 31) / 365],
    // Two years of a monthly plan: 24 full cycles.
    ['two years', plan({ feeUsd: 20 }), '2026-01-01', '2027-12-31', 480],
    ['before the plan', plan({ startDate: '2026-04-01' }), '2026-03-01', '2026-03-31', 0],
  ])('%s', (_name, p, since, until, usd) => {
    expect(planFeeForPeriod(p, since, until)).toBeCloseTo(usd, 9)
  })

  it('counts covered days inclusively', () => {
    expect(coveredDays(plan({ startDate: '2026-03-16', endDate: '2026-03-20' }), '2026-03-01', '2026-03-31')).toBe(5)
  })
})
