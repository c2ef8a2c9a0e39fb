import type { ProviderId } from '../../common/providers.ts'
import type { ModelIndex } from './model-index.ts'
import { candidateNames } from './normalize-model.ts'
import type { PriceOverride } from './pricer-types.ts'
import { PRICE_COMPONENTS } from './registry-types.ts'

const DAY_MS = 86_400_000

export interface CompiledOverride {
  readonly id: string
  readonly provider: ProviderId | null
  /** The model the override prices: its registry id when it resolves, else its normalized base name. */
  readonly key: string
  readonly fromMs: number
  /** Exclusive: the start of the day after `effectiveUntil`. */
  readonly untilMs: number
  /** USD/Mtok per PRICE_COMPONENTS index, NaN where the override says nothing. */
  readonly prices: Float64Array
  readonly order: number
}

/** The registry id (with `-fast` for Claude fast mode) an override or a usage row resolves to. */
export function canonicalOf(m: { readonly model: { readonly id: string } | null; readonly fast: boolean }): string | null {
  return m.model === null ? null : m.fast ? `${m.model.id}-fast` : m.model.id
}

export function compileOverrides(overrides: readonly PriceOverride[], index: ModelIndex): CompiledOverride[] {
  return overrides.map((o, order) => {
    const prices = new Float64Array(PRICE_COMPONENTS.length).fill(Number.NaN)
    PRICE_COMPONENTS.forEach((c, i) => {
      const v = o.prices[c]
      if (v !== undefined && Number.isFinite(v) && v >= 0) prices[i] = v
    })
    const keys = candidateNames(o.model).keys
    return {
      id: o.id,
      provider: o.provider,
      key: canonicalOf(index.match(o.provider, o.model)) ?? keys[keys.length - 1] ?? o.model,
      fromMs: o.effectiveFrom === null ? Number.NEGATIVE_INFINITY : Date.parse(`${o.effectiveFrom}T00:00:00Z`),
      untilMs: o.effectiveUntil === null ? Number.POSITIVE_INFINITY : Date.parse(`${o.effectiveUntil}T00:00:00Z`) + DAY_MS,
      prices,
      order,
    }
  })
}

/**
 * Overrides that apply to a usage row whose candidate names are `keys` and registry id `canonical`,
 * best first: agent-specific before general, then the most specific name (a `-fast` override beats
 * the base model's), then the most recently added.
 */
export function applicableOverrides(all: readonly CompiledOverride[], provider: ProviderId | null, keys: readonly string[], canonical: string | null): CompiledOverride[] {
  const specificity = (o: CompiledOverride): number => {
    const i = keys.indexOf(o.key)
    return i >= 0 ? i : keys.length
  }
  return all
    .filter((o) => (o.provider === null || o.provider === provider) && (keys.includes(o.key) || o.key === canonical))
    .sort((a, b) => Number(a.provider === null) - Number(b.provider === null) || specificity(a) - specificity(b) || b.order - a.order)
}
