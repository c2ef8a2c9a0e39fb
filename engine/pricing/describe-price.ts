import { entryAt } from './compile-schedule.ts'
import type { CompiledEntry } from './compile-schedule.ts'
import type { Target } from './pricer.ts'
import type { ComponentDescription, PriceComponent, PriceDescription, PriceSource } from './pricer-types.ts'
import { PRICE_COMPONENTS } from './registry-types.ts'
import type { PriceRegistry } from './registry-types.ts'

/** Where an unlisted component's price comes from (genai-prices' unit hierarchy). */
const PARENT: Partial<Record<PriceComponent, PriceComponent>> = { cacheRead: 'input', cacheWrite5m: 'input', cacheWrite1h: 'cacheWrite5m' }

function listed(t: Target, c: PriceComponent, ci: number, entry: CompiledEntry | null, tsMs: number): ComponentDescription | null {
  for (const o of t.overrides) {
    const v = o.prices[ci]!
    if (tsMs >= o.fromMs && tsMs < o.untilMs && !Number.isNaN(v)) return { usdPerMtok: v, tiers: [], source: 'user', derivedFrom: null }
  }
  const p = entry?.source.prices[c]
  if (p === undefined) return null
  const source: PriceSource = t.match.fast ? 'inferred' : (t.match.model?.source ?? 'official')
  if (typeof p === 'number') return { usdPerMtok: p, tiers: [], source, derivedFrom: null }
  return { usdPerMtok: p.base, tiers: p.tiers.map((x) => ({ abovePromptTokens: x.above, usdPerMtok: x.usdPerMtok, inclusive: x.inclusive })), source, derivedFrom: null }
}

/** What `tokenledger prices show MODEL --at DATE` prints. Null when the model has no price at that time. */
export function describeTarget(t: Target, registry: PriceRegistry, tsMs: number): PriceDescription | null {
  if (!t.resolution.priced) return null
  const entry = t.entries.length === 0 ? null : entryAt(t.entries, tsMs)
  const components = {} as Record<PriceComponent, ComponentDescription | null>
  PRICE_COMPONENTS.forEach((c, ci) => {
    components[c] = listed(t, c, ci, entry, tsMs)
  })
  if (components.input === null || components.output === null) return null
  for (const c of PRICE_COMPONENTS) {
    let parent = PARENT[c]
    while (components[c] === null && parent !== undefined) {
      const from = components[parent]
      if (from !== null) components[c] = { ...from, derivedFrom: from.derivedFrom ?? parent }
      parent = PARENT[parent]
    }
  }
  const notes: string[] = []
  if (t.match.fast) notes.push('Claude fast mode: the registry has no fast-mode price, so this is the standard rate (an underestimate).')
  if (t.entries.some((e) => e.when === 'daily')) notes.push('The price depends on the UTC time of day (peak / off-peak windows).')
  for (const d of Object.values(components)) {
    for (const tier of d?.tiers ?? []) {
      if (tier.inclusive) notes.push(`The vendor bills the tier from exactly ${tier.abovePromptTokens} prompt tokens; a prompt of exactly that size is priced below it.`)
    }
  }
  return {
    canonical: t.resolution.canonical,
    vendor: t.match.model?.vendor ?? null,
    registryVersion: registry.version,
    atMs: tsMs,
    periodFrom: entry?.fromDate ?? null,
    components,
    steps: [...t.match.steps],
    notes: [...new Set(notes)],
  }
}
