/**
 * Shape of the bundled price registry (`registry.generated.ts`, written by
 * `scripts/build-price-registry.ts` from @pydantic/genai-prices). Plain data: no functions, so the
 * generated module is diffable and an upstream format change only touches the build script.
 */

/** Where a price comes from, most to least trusted (a user override beats all of them). */
export type PriceSource = 'official' | 'aggregator' | 'inferred' | 'user'

/** The token components TokenLedger prices. Reasoning is inside `output` and never priced on top. */
export const PRICE_COMPONENTS = ['input', 'output', 'cacheRead', 'cacheWrite5m', 'cacheWrite1h'] as const
export type PriceComponent = (typeof PRICE_COMPONENTS)[number]

/**
 * A long-context tier: when the request's prompt (input + cache read + cache writes) is above
 * `above` tokens, the WHOLE request is priced at `usdPerMtok`. `above` is always a context-bucket edge
 * (a test checks it). `inclusive` records a vendor that bills from exactly `above` tokens (≥) rather
 * than above it; rollups cannot tell a prompt of exactly `above` tokens apart, so it is informational.
 */
export interface RegistryTier {
  readonly above: number
  readonly usdPerMtok: number
  readonly inclusive: boolean
}

/** USD per million tokens, flat or with whole-request tiers. */
export type RegistryPrice = number | { readonly base: number; readonly tiers: readonly RegistryTier[] }

export type RegistryPrices = Partial<Record<PriceComponent, RegistryPrice>>

/**
 * When a schedule entry applies. Evaluated like genai-prices: the LAST entry whose condition holds wins;
 * `always` is the fallback. `from` is a UTC date (inclusive, from 00:00Z); `daily` is a UTC
 * time-of-day window in seconds, end exclusive, wrapping past midnight when end < start.
 */
export type RegistryWhen =
  | { readonly kind: 'always' }
  | { readonly kind: 'from'; readonly date: string }
  | { readonly kind: 'daily'; readonly startSec: number; readonly endSec: number }

export interface RegistryEntry {
  readonly when: RegistryWhen
  readonly prices: RegistryPrices
}

export interface RegistryModel {
  /** Registry vendor id (genai-prices provider id). */
  readonly vendor: string
  /** Canonical model id, lower case. */
  readonly id: string
  /** Exact lower-case names that resolve to this model (the id is always one of them). */
  readonly aliases: readonly string[]
  readonly source: PriceSource
  readonly schedule: readonly RegistryEntry[]
}

export interface RegistryVendor {
  readonly id: string
  readonly name: string
  readonly source: PriceSource
  readonly pricingUrls: readonly string[]
  readonly note: string | null
}

export interface PriceRegistry {
  /** `genai-prices-<npm version>+tl.<converter version>`: changes whenever the data or conversion does. */
  readonly version: string
  readonly upstream: { readonly package: string; readonly version: string; readonly license: string }
  readonly vendors: readonly RegistryVendor[]
  readonly models: readonly RegistryModel[]
  /** Upstream models left out on purpose, with the reason (e.g. a tier threshold rollups cannot see). */
  readonly excluded: readonly { readonly vendor: string; readonly id: string; readonly reason: string }[]
}
