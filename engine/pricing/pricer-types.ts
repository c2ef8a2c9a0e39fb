import type { ProviderId } from '../../common/providers.ts'
import type { TokenCounts } from '../../common/tokens.ts'
import type { PriceComponent, PriceSource } from './registry-types.ts'

export type { PriceComponent, PriceSource }

/**
 * A user's price for a model, winning over the registry for the components it gives.
 * Dates are UTC calendar days and both ends are INCLUSIVE (`effectiveUntil: '2025-12-31'` covers all of
 * Dec 31); null means open-ended. An override replaces a component's whole value, tiers included.
 */
export interface PriceOverride {
  id: string
  /** Only this agent's usage, or every agent when null. A provider-specific override beats a general one. */
  provider: ProviderId | null
  /** Any spelling the agents log (`anthropic/claude-sonnet-4-5-20250929` works); matched on the resolved model. */
  model: string
  /** USD per million tokens, any subset. */
  prices: Partial<Record<PriceComponent, number>>
  effectiveFrom: string | null
  effectiveUntil: string | null
}

export interface Resolution {
  /** Registry model id (`-fast` kept for Claude fast mode); the raw id when nothing resolves. */
  canonical: string
  priced: boolean
  /** `user` when an override applies to the model; `inferred` for a variant priced from its base (fast mode). */
  source: PriceSource | null
}

export interface ComponentDescription {
  /** USD per million tokens for a prompt at or below the first tier. */
  usdPerMtok: number
  /** Whole-request long-context rates: applies when the prompt is above `abovePromptTokens`. */
  tiers: { abovePromptTokens: number; usdPerMtok: number; inclusive: boolean }[]
  source: PriceSource
  /** Set when the price is not listed but derived, e.g. `input` for an unlisted cache-write price. */
  derivedFrom: PriceComponent | null
}

/** Unit prices in force for a model at an instant (`tokenledger prices show MODEL --at DATE`). */
export interface PriceDescription {
  canonical: string
  /** Registry vendor whose row is used; null when only user overrides price the model. */
  vendor: string | null
  registryVersion: string
  atMs: number
  /** Start (UTC date) of the registry price period in force, null when it is the first known price. */
  periodFrom: string | null
  components: Record<PriceComponent, ComponentDescription | null>
  /** Normalization steps that led to the match (`exact`, `date-suffix`, `effort`, `thinking`, `fast`). */
  steps: string[]
  notes: string[]
}

export interface Pricer {
  readonly registryVersion: string
  /** Memoized: called per rollup row. */
  resolve(provider: ProviderId, modelRaw: string): Resolution
  /**
   * USD for these tokens at time tsMs; null when unpriced. Hot path: called per rollup row; resolution is
   * memoized and nothing is allocated per call. `ctxBucket` (common/context-buckets.ts) decides tiers.
   */
  cost(provider: ProviderId, modelRaw: string, tsMs: number, tokens: TokenCounts, ctxBucket: number): number | null
  /** Unit prices in force (for `tokenledger prices show MODEL --at DATE`). Null when unpriced at that time. */
  describe(provider: ProviderId | null, modelRaw: string, tsMs: number): PriceDescription | null
}
