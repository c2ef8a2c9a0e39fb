import type { OverrideView, PriceComponentName, PriceLookupView } from '../../common/methods/pricing-methods.ts'
import type { ProviderId } from '../../common/providers.ts'
import type { Db } from '../store/open-ledger.ts'
import { affectedUsage, registryCanonical } from './affected-usage.ts'
import { createPricer } from './pricer.ts'
import type { PriceOverride, Pricer } from './pricer-types.ts'
import { PRICE_COMPONENTS } from './registry-types.ts'

/**
 * What the Pricing tab shows about an override or a model being typed: the registry's own price beside
 * the user's, and the ledger usage the override re-prices.
 */

// Registry only, no overrides: "the registry price" must not be the user's own price shown back.
let registry: Pricer | null = null
function registryPricer(): Pricer {
  registry ??= createPricer([])
  return registry
}

/**
 * The registry's unit prices (USD / MTok) in force at `atMs`, each null when the registry has none. An
 * unlisted cache price is the one that applies (cache reads at the input price, as the pricer bills it).
 */
export function registryPrices(provider: ProviderId | null, model: string, atMs: number): Record<PriceComponentName, number | null> {
  const d = registryPricer().describe(provider, model, atMs)
  const out = {} as Record<PriceComponentName, number | null>
  for (const c of PRICE_COMPONENTS) out[c] = d?.components[c]?.usdPerMtok ?? null
  return out
}

export function registryVersion(): string {
  return registryPricer().registryVersion
}

export function overrideView(db: Db, o: PriceOverride, nowMs: number): OverrideView {
  return {
    id: o.id,
    provider: o.provider,
    model: o.model,
    canonicalModel: registryCanonical(o.provider, o.model) ?? '',
    prices: { ...o.prices },
    registryPrices: registryPrices(o.provider, o.model, nowMs),
    effectiveFrom: o.effectiveFrom,
    effectiveUntil: o.effectiveUntil,
    affected: affectedUsage(db, o.provider, o.model, o.effectiveFrom, o.effectiveUntil),
  }
}

/** `pricing.lookup`: the registry price of a model at a date (noon UTC; default now) and all the usage an override would re-price. */
export function lookupPrice(db: Db, provider: ProviderId | null, model: string, at: string | undefined, nowMs: number): PriceLookupView {
  const atMs = at === undefined ? nowMs : Date.parse(`${at}T12:00:00Z`)
  return {
    model,
    canonicalModel: registryCanonical(provider, model),
    registryVersion: registryVersion(),
    registryPrices: registryPrices(provider, model, atMs),
    affected: affectedUsage(db, provider, model, null, null),
  }
}
