import type { ProviderId } from '../../common/providers.ts'
import type { AttributionRuleView, UserPlanView } from '../../common/methods/pricing-methods.ts'

/**
 * How a cost figure was obtained:
 * - `token`: pay-per-token usage at list price (the API spend).
 * - `subscription_derived`: a plan's fee allocated to usage by value, the fee being the catalogue list price.
 * - `subscription_manual`: the same allocation, with a fee the user typed (custom plan or a price that
 *   differs from the catalogue), so the figure is only as good as that number.
 */
export type PricingMode = 'token' | 'subscription_derived' | 'subscription_manual'

/** A subscription the user pays for: the same shape the preferences window edits. */
export type UserPlan = UserPlanView

/** Plan-or-API attribution rule, tried in order (documented on AttributionRuleView). */
export type AttributionRule = AttributionRuleView

/** A usage row (a rollup row already priced at list price). */
export interface EconomicsRow {
  provider: ProviderId
  account: string
  project: string | null
  /** Canonical model (Resolution.canonical), for per-model lines. */
  model: string
  tsMs: number
  /** List-price value; null when unpriced. */
  costUsd: number | null
  /** All tokens billed once (common/tokens.ts totalTokens). */
  tokens: number
}

export interface EconomicsInput {
  /** Inclusive local dates YYYY-MM-DD in `timezone`. */
  period: { since: string; until: string }
  timezone: string
  rows: readonly EconomicsRow[]
  plans: readonly UserPlan[]
  rules: readonly AttributionRule[]
}

export interface RowEconomics {
  planId: string | null
  pricingMode: PricingMode
  costUsd: number | null
  /** Covered: costUsd × F_plan / V_plan. Paid per token: costUsd. Null when unpriced. */
  effectiveCostUsd: number | null
}

export interface PlanEconomics {
  planId: string
  name: string
  provider: ProviderId
  account: string | null
  pricingMode: PricingMode
  /** Days of the period the plan covered. */
  activeDays: number
  /** F: fee attributable to the period, prorated by days of coverage within each billing cycle. */
  feeUsd: number
  /** V: list-price value of the priced usage it covered. */
  valueUsd: number
  /** V / F (e.g. 12 = $12 of list-price usage per $1 of fee); null when F is 0. */
  multiple: number | null
  tokens: number
  unpricedTokens: number
  /** 1e6 × F / tokens; null when the plan covered no tokens (idle). */
  effectiveUsdPerMtok: number | null
}

export interface ModelEconomics {
  provider: ProviderId
  model: string
  tokens: number
  /** List-price value; null when none of its rows is priced. */
  costUsd: number | null
  effectiveCostUsd: number | null
  /** 1e6 × effectiveCostUsd / tokens of the rows with an effective cost. */
  effectiveUsdPerMtok: number | null
  pricingModes: PricingMode[]
}

export interface ProviderEconomics {
  provider: ProviderId
  tokens: number
  valueUsd: number
  planFeesUsd: number
  apiSpendUsd: number
  /** What was paid: plan fees + API spend. */
  costUsd: number
  /** 1e6 × costUsd / tokens (covered tokens + priced pay-per-token tokens); null without tokens. */
  blendedProviderUsdPerMtok: number | null
  /** Pay-per-token tokens without a price: left out of the $/Mtok denominator. */
  unpricedApiTokens: number
  pricingModes: PricingMode[]
}

export interface EconomicsResult {
  period: { since: string; until: string }
  days: number
  /** V: list-price value of all priced usage. */
  valueUsd: number
  /** The part of V covered by plans. */
  coveredValueUsd: number
  /** F: plan fees attributable to the period. */
  planFeesUsd: number
  /** A: list-price value of pay-per-token usage. */
  apiSpendUsd: number
  /** coveredValueUsd / planFeesUsd; null when there are no fees. */
  multiple: number | null
  /** F + A. */
  totalCostUsd: number
  /** The $/Mtok denominator: covered tokens (priced or not: the fee pays for them) + priced pay-per-token tokens. */
  tokens: number
  /** Tokens of unpriced rows (covered or not). */
  unpricedTokens: number
  blendedGlobalUsdPerMtok: number | null
  plans: PlanEconomics[]
  providers: ProviderEconomics[]
  models: ModelEconomics[]
  /** One entry per input row, in input order; null for rows outside the period. */
  rows: (RowEconomics | null)[]
}
