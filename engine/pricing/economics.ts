import type { ProviderId } from '../../common/providers.ts'
import { coveringPlan, localDayFn } from './attribution.ts'
import type {
  EconomicsInput,
  EconomicsResult,
  ModelEconomics,
  PlanEconomics,
  PricingMode,
  ProviderEconomics,
  RowEconomics,
  UserPlan,
} from './economics-types.ts'
import { PLAN_CATALOGUE } from './plan-catalogue.ts'
import { coveredDays, dayNumber, planFeeForPeriod } from './plan-fees.ts'

/** Whether a plan's fee is the catalogue's list price or a number the user typed. */
export function planPricingMode(plan: UserPlan): PricingMode {
  const c = PLAN_CATALOGUE.find((x) => x.id === plan.catalogueId)
  const listed = c === undefined ? null : plan.billing === 'annual' ? c.annualUsd : c.monthlyUsd
  return listed !== null && Math.abs(listed - plan.feeUsd) < 0.005 ? 'subscription_derived' : 'subscription_manual'
}

const perMtok = (usd: number, tokens: number): number | null => (tokens > 0 ? (1e6 * usd) / tokens : null)

function addMode(modes: PricingMode[], m: PricingMode): void {
  if (!modes.includes(m)) modes.push(m)
}

function emptyProvider(provider: ProviderId): ProviderEconomics {
  return { provider, tokens: 0, valueUsd: 0, planFeesUsd: 0, apiSpendUsd: 0, costUsd: 0, blendedProviderUsdPerMtok: null, unpricedApiTokens: 0, pricingModes: [] }
}

/**
 * Blended economics for a period P (reference pricing-and-plans.md §11): list-price value V, plan fees F
 * prorated to P, API spend A for uncovered usage, and value-weighted effective costs
 * C_row = V_row × F_plan / V_plan, giving effective $/Mtok per model, per provider and overall.
 */
export function computeEconomics(input: EconomicsInput): EconomicsResult {
  const { since, until } = input.period
  const dayOf = localDayFn(input.timezone)
  const plans = new Map<string, PlanEconomics>()
  for (const p of input.plans) {
    const activeDays = coveredDays(p, since, until)
    if (activeDays === 0) continue
    plans.set(p.id, {
      planId: p.id,
      name: p.name,
      provider: p.provider,
      account: p.account,
      pricingMode: planPricingMode(p),
      activeDays,
      feeUsd: planFeeForPeriod(p, since, until),
      valueUsd: 0,
      multiple: null,
      tokens: 0,
      unpricedTokens: 0,
      effectiveUsdPerMtok: null,
    })
  }

  // Pass 1: attribute each row and accumulate each plan's value V_plan.
  // undefined = outside the period; null = paid per token.
  const attributed = input.rows.map((row): PlanEconomics | null | undefined => {
    const day = dayOf(row.tsMs)
    if (day < since || day > until) return undefined
    const plan = coveringPlan(input.plans, input.rules, row, day)
    const pe = plan === null ? undefined : plans.get(plan.id)
    if (pe !== undefined) {
      pe.tokens += row.tokens
      if (row.costUsd === null) pe.unpricedTokens += row.tokens
      else pe.valueUsd += row.costUsd
    }
    return pe ?? null
  })

  // Pass 2: effective costs, and per-provider / per-model sums.
  const providers = new Map<ProviderId, ProviderEconomics>()
  const providerOf = (id: ProviderId): ProviderEconomics => {
    let pv = providers.get(id)
    if (pv === undefined) providers.set(id, (pv = emptyProvider(id)))
    return pv
  }
  const models = new Map<string, ModelEconomics & { effTokens: number }>()
  let valueUsd = 0
  let apiSpendUsd = 0
  let unpricedTokens = 0
  const rows: (RowEconomics | null)[] = input.rows.map((row, i) => {
    const pe = attributed[i]
    if (pe === undefined) return null
    const pv = providerOf(row.provider)
    const key = `${row.provider}\u0000${row.model}`
    let m = models.get(key)
    if (m === undefined) {
      m = { provider: row.provider, model: row.model, tokens: 0, costUsd: null, effectiveCostUsd: null, effectiveUsdPerMtok: null, pricingModes: [], effTokens: 0 }
      models.set(key, m)
    }
    const mode: PricingMode = pe === null ? 'token' : pe.pricingMode
    const effective = row.costUsd === null ? null : pe === null ? row.costUsd : pe.valueUsd > 0 ? (row.costUsd * pe.feeUsd) / pe.valueUsd : null
    m.tokens += row.tokens
    addMode(m.pricingModes, mode)
    addMode(pv.pricingModes, mode)
    if (row.costUsd === null) unpricedTokens += row.tokens
    else {
      m.costUsd = (m.costUsd ?? 0) + row.costUsd
      valueUsd += row.costUsd
      pv.valueUsd += row.costUsd
    }
    if (effective !== null) {
      m.effectiveCostUsd = (m.effectiveCostUsd ?? 0) + effective
      m.effTokens += row.tokens
    }
    if (pe !== null) pv.tokens += row.tokens
    else if (row.costUsd === null) pv.unpricedApiTokens += row.tokens
    else {
      pv.tokens += row.tokens
      pv.apiSpendUsd += row.costUsd
      apiSpendUsd += row.costUsd
    }
    return { planId: pe?.planId ?? null, pricingMode: mode, costUsd: row.costUsd, effectiveCostUsd: effective }
  })

  let planFeesUsd = 0
  let coveredValueUsd = 0
  for (const pe of plans.values()) {
    pe.multiple = pe.feeUsd > 0 ? pe.valueUsd / pe.feeUsd : null
    pe.effectiveUsdPerMtok = perMtok(pe.feeUsd, pe.tokens)
    planFeesUsd += pe.feeUsd
    coveredValueUsd += pe.valueUsd
    // An idle plan still costs its fee: it lands on its provider even without usage.
    const pv = providerOf(pe.provider)
    pv.planFeesUsd += pe.feeUsd
    addMode(pv.pricingModes, pe.pricingMode)
  }
  let tokens = 0
  for (const pv of providers.values()) {
    pv.costUsd = pv.planFeesUsd + pv.apiSpendUsd
    pv.blendedProviderUsdPerMtok = perMtok(pv.costUsd, pv.tokens)
    tokens += pv.tokens
  }
  const totalCostUsd = planFeesUsd + apiSpendUsd
  return {
    period: { since, until },
    days: dayNumber(until) - dayNumber(since) + 1,
    valueUsd,
    coveredValueUsd,
    planFeesUsd,
    apiSpendUsd,
    multiple: planFeesUsd > 0 ? coveredValueUsd / planFeesUsd : null,
    totalCostUsd,
    tokens,
    unpricedTokens,
    blendedGlobalUsdPerMtok: perMtok(totalCostUsd, tokens),
    plans: [...plans.values()],
    providers: [...providers.values()].sort((a, b) => b.costUsd - a.costUsd || a.provider.localeCompare(b.provider)),
    models: [...models.values()]
      .map(({ effTokens, ...m }) => ({ ...m, effectiveUsdPerMtok: m.effectiveCostUsd === null ? null : perMtok(m.effectiveCostUsd, effTokens) }))
      .sort((a, b) => (b.effectiveCostUsd ?? -1) - (a.effectiveCostUsd ?? -1) || a.model.localeCompare(b.model)),
    rows,
  }
}
