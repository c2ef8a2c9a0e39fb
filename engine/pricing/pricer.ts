import type { ProviderId } from '../../common/providers.ts'
import type { TokenCounts } from '../../common/tokens.ts'
import { applicableOverrides, canonicalOf, compileOverrides } from './compile-overrides.ts'
import type { CompiledOverride } from './compile-overrides.ts'
import { clampBucket, compileEntry, entryAt, BUCKETS } from './compile-schedule.ts'
import type { CompiledEntry } from './compile-schedule.ts'
import { describeTarget } from './describe-price.ts'
import { createModelIndex } from './model-index.ts'
import type { ModelIndex, ModelMatch } from './model-index.ts'
import type { PriceOverride, Pricer, Resolution } from './pricer-types.ts'
import { PRICE_REGISTRY } from './registry.generated.ts'
import type { PriceRegistry } from './registry-types.ts'

// Component indexes, in PRICE_COMPONENTS order.
const IN = 0
const OUT = 1
const CR = 2
const CW5 = 3
const CW1H = 4

/** Everything needed to price one (provider, raw model) pair, built once and memoized. */
export interface Target {
  readonly match: ModelMatch
  readonly resolution: Resolution
  readonly entries: readonly CompiledEntry[]
  readonly overrides: readonly CompiledOverride[]
}

/**
 * Price of one component: the best override active at tsMs that gives it, else the registry entry's
 * price for the bucket; NaN when neither lists it.
 */
export function componentPrice(t: Target, c: number, entry: CompiledEntry | null, bucket: number, tsMs: number): number {
  for (const o of t.overrides) {
    if (tsMs >= o.fromMs && tsMs < o.untilMs) {
      const v = o.prices[c]!
      if (!Number.isNaN(v)) return v
    }
  }
  return entry === null ? Number.NaN : entry.perBucket[c * BUCKETS + bucket]!
}

/**
 * The five unit prices in force, with genai-prices' unit hierarchy for unlisted cache prices: cache
 * reads and writes are input tokens (billed as input when no cache price is listed, as OpenAI does),
 * and a 1-hour write is a cache write (the 5-minute price when no 1-hour price is listed).
 * Null when input or output has no price: unpriced, never $0.
 */
export function unitPrices(t: Target, tsMs: number, ctxBucket: number, out: Float64Array): Float64Array | null {
  const entry = t.entries.length === 0 ? null : entryAt(t.entries, tsMs)
  const b = clampBucket(ctxBucket)
  const pin = componentPrice(t, IN, entry, b, tsMs)
  const pout = componentPrice(t, OUT, entry, b, tsMs)
  if (Number.isNaN(pin) || Number.isNaN(pout)) return null
  const pcr = componentPrice(t, CR, entry, b, tsMs)
  const pcw5 = componentPrice(t, CW5, entry, b, tsMs)
  const pcw1h = componentPrice(t, CW1H, entry, b, tsMs)
  out[IN] = pin
  out[OUT] = pout
  out[CR] = Number.isNaN(pcr) ? pin : pcr
  out[CW5] = Number.isNaN(pcw5) ? pin : pcw5
  out[CW1H] = Number.isNaN(pcw1h) ? out[CW5]! : pcw1h
  return out
}

function buildTarget(index: ModelIndex, overrides: readonly CompiledOverride[], provider: ProviderId | null, modelRaw: string): Target {
  const match = index.match(provider, modelRaw)
  const canonical = canonicalOf(match)
  const mine = applicableOverrides(overrides, provider, match.keys, canonical)
  const entries = match.model === null ? [] : match.model.schedule.map(compileEntry)
  const overridesPrice = mine.some((o) => !Number.isNaN(o.prices[IN]!)) && mine.some((o) => !Number.isNaN(o.prices[OUT]!))
  const priced = match.model !== null || overridesPrice
  const resolution: Resolution = {
    canonical: canonical ?? (overridesPrice ? mine[0]!.key : modelRaw),
    priced,
    source: !priced ? null : mine.length > 0 ? 'user' : match.fast ? 'inferred' : match.model!.source,
  }
  return { match, resolution, entries, overrides: mine }
}

/**
 * The pricer: a pure function of (provider, modelRaw, timestamp, tokens, ctxBucket, overrides). Costs
 * are never stored, so creating a new pricer with new overrides re-prices all history at once.
 */
export function createPricer(overrides: readonly PriceOverride[], registry: PriceRegistry = PRICE_REGISTRY): Pricer {
  const index = createModelIndex(registry)
  const compiled = compileOverrides(overrides, index)
  // Nested maps so the hot path looks up without building a composite key string.
  const memo = new Map<ProviderId | null, Map<string, Target>>()
  const scratch = new Float64Array(5)

  const target = (provider: ProviderId | null, modelRaw: string): Target => {
    let byRaw = memo.get(provider)
    if (byRaw === undefined) {
      byRaw = new Map()
      memo.set(provider, byRaw)
    }
    let t = byRaw.get(modelRaw)
    if (t === undefined) {
      t = buildTarget(index, compiled, provider, modelRaw)
      byRaw.set(modelRaw, t)
    }
    return t
  }

  return {
    registryVersion: registry.version,
    resolve: (provider, modelRaw) => target(provider, modelRaw).resolution,
    cost(provider: ProviderId, modelRaw: string, tsMs: number, tokens: TokenCounts, ctxBucket: number): number | null {
      const t = target(provider, modelRaw)
      if (!t.resolution.priced) return null
      const p = unitPrices(t, tsMs, ctxBucket, scratch)
      if (p === null) return null
      // Reasoning is part of output (common/tokens.ts): priced once, inside output.
      return (
        (tokens.input * p[IN]! + tokens.output * p[OUT]! + tokens.cacheRead * p[CR]! + tokens.cacheWrite5m * p[CW5]! + tokens.cacheWrite1h * p[CW1H]!) /
        1e6
      )
    },
    describe: (provider, modelRaw, tsMs) => describeTarget(target(provider, modelRaw), registry, tsMs),
  }
}
