import { z } from 'zod'
import { isoDate, overrideInputSchema, planInputSchema, ruleInputSchema } from '../pricing-inputs.ts'
import { PROVIDER_IDS, type ProviderId } from '../providers.ts'

/** Plans, attribution rules and price overrides: what the user pays, edited from the preferences window. */
const id = z.object({ id: z.string().min(1).max(64) }).strict()

export const pricingParamSchemas = {
  /** The plan catalogue and the bundled price registry's version. */
  'pricing.catalogue': z.object({}).strict(),
  'plans.list': z.object({}).strict(),
  'plans.add': planInputSchema,
  'plans.remove': id,
  'rules.add': ruleInputSchema,
  'rules.remove': id,
  /** Moves a rule one place earlier or later (rules apply in order, first match wins). */
  'rules.move': z.object({ id: z.string().min(1).max(64), direction: z.enum(['up', 'down']) }).strict(),
  'overrides.list': z.object({}).strict(),
  'overrides.add': overrideInputSchema,
  'overrides.remove': id,
  /** The registry price of a model and the ledger usage an override of it would affect. */
  'pricing.lookup': z
    .object({ provider: z.enum(PROVIDER_IDS).nullable(), model: z.string().trim().min(1).max(200), at: isoDate.optional() })
    .strict(),
  /** Models seen in the ledger (for the override form's model list). */
  'models.seen': z.object({}).strict(),
} as const

export interface CataloguePlanView {
  id: string
  vendor: string
  name: string
  monthlyUsd: number
  annualUsd: number | null
  providers: ProviderId[]
  confidence: 'official' | 'secondary' | 'unverified'
  asOf: string
  note: string | null
}

/** A subscription the user pays for (the engine's UserPlan is this type). Dates are inclusive local calendar days. */
export interface UserPlanView {
  id: string
  name: string
  /** PLAN_CATALOGUE id it was created from, or null for a custom plan. */
  catalogueId: string | null
  provider: ProviderId
  /** Config root / account the plan is for; null covers every account of the provider. */
  account: string | null
  billing: 'monthly' | 'annual'
  /** USD charged per billing cycle (month or year). */
  feeUsd: number
  /** First day of coverage; also the billing-cycle anchor (cycles run from this day of the month/year). */
  startDate: string
  /** Last day of coverage (inclusive), or null while the plan runs. */
  endDate: string | null
}

/**
 * Decides whether usage is covered by a plan or paid per token (the engine's AttributionRule is this
 * type). Rules are tried in order; the first whose non-null fields all match wins. Without a matching
 * rule, usage of a provider with an active plan (for its account, if the plan names one) is covered.
 */
export interface AttributionRuleView {
  id: string
  provider: ProviderId | null
  account: string | null
  project: string | null
  /** Inclusive local dates; null = unbounded. */
  from: string | null
  until: string | null
  billing: 'plan' | 'api'
  /** With `plan`: this plan (when it is active that day, else paid per token); null = the default plan. */
  planId: string | null
}

export type PriceComponentName = 'input' | 'output' | 'cacheRead' | 'cacheWrite5m' | 'cacheWrite1h'

/** Usage in the ledger that a price for (provider, model) applies to. */
export interface AffectedUsage {
  events: number
  tokens: number
  firstAt: string | null
  lastAt: string | null
}

export interface OverrideView {
  id: string
  provider: ProviderId | null
  model: string
  /** The registry model the override resolves to ('' when the registry does not know the model). */
  canonicalModel: string
  prices: Partial<Record<PriceComponentName, number>>
  /** Registry price per component today (USD / MTok), null when the registry has none. */
  registryPrices: Record<PriceComponentName, number | null>
  effectiveFrom: string | null
  effectiveUntil: string | null
  /** Usage inside the override's dates that it re-prices. */
  affected: AffectedUsage
}

export interface PriceLookupView {
  model: string
  /** Registry id the model resolves to; null when unknown to the registry. */
  canonicalModel: string | null
  registryVersion: string
  registryPrices: Record<PriceComponentName, number | null>
  affected: AffectedUsage
}

export interface ModelSeenView {
  provider: ProviderId
  model: string
  events: number
  priced: boolean
}

export interface PricingResults {
  'pricing.catalogue': { plans: CataloguePlanView[]; registryVersion: string }
  'plans.list': { plans: UserPlanView[]; rules: AttributionRuleView[] }
  'plans.add': UserPlanView
  'plans.remove': { removed: boolean }
  'rules.add': AttributionRuleView
  'rules.remove': { removed: boolean }
  'rules.move': { rules: AttributionRuleView[] }
  'overrides.list': OverrideView[]
  'overrides.add': OverrideView
  'overrides.remove': { removed: boolean }
  'pricing.lookup': PriceLookupView
  'models.seen': ModelSeenView[]
}
