import { createPricer, type AttributionRule, type Pricer, type UserPlan } from '../pricing/index.ts'
import { listOverrides, listPlans, listRules } from '../pricing/pricing-read.ts'
import type { Db } from '../store/open-ledger.ts'

/** Everything that turns tokens into money: the registry with the user's overrides, plans and rules. */
export interface PricingInputs {
  readonly pricer: Pricer
  readonly plans: readonly UserPlan[]
  readonly rules: readonly AttributionRule[]
}

/** Loads the pricing inputs stored in the ledger. Re-run after any edit: history re-prices at once. */
export function loadPricing(db: Db): PricingInputs {
  return { pricer: createPricer(listOverrides(db)), plans: listPlans(db), rules: listRules(db) }
}
