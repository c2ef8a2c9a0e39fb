/** Public surface of the pricing engine: the store, reports and CLI import from here only. */
export { createPricer } from './pricer.ts'
export type { ComponentDescription, PriceComponent, PriceDescription, PriceOverride, Pricer, PriceSource, Resolution } from './pricer-types.ts'
export { PLAN_CATALOGUE } from './plan-catalogue.ts'
export type { CataloguePlan, PlanPriceConfidence } from './plan-catalogue.ts'
export { computeEconomics, planPricingMode } from './economics.ts'
export type {
  AttributionRule,
  EconomicsInput,
  EconomicsResult,
  EconomicsRow,
  ModelEconomics,
  PlanEconomics,
  PricingMode,
  ProviderEconomics,
  RowEconomics,
  UserPlan,
} from './economics-types.ts'
export { planFeeForPeriod } from './plan-fees.ts'
export { PRICE_REGISTRY } from './registry.generated.ts'
export { listOverrides, listPlans, listRules } from './pricing-read.ts'
// The validating writers (pricing-repo.ts, pricing-schemas.ts) are imported directly by the commands that
// edit pricing data, so read-only runs never load the schema library.
