import type { ProviderId } from '../../common/providers.ts'
import { candidateNames } from './normalize-model.ts'
import type { PriceRegistry, RegistryModel } from './registry-types.ts'

/**
 * Vendor preference when two registry vendors claim the same exact name (e.g. `grok-4.5` is both an
 * xAI API model and a Cursor-billed model at a different price). The agent decides first: Cursor
 * usage bills at Cursor's table, OpenCode/Droid/Amp at the vendor's own API price.
 */
const DEFAULT_VENDOR_ORDER = ['anthropic', 'openai', 'google', 'x-ai', 'deepseek', 'mistral', 'moonshotai', 'zai', 'minimax', 'zhipuai', 'openrouter', 'cursor']
const AGENT_VENDOR: Partial<Record<ProviderId, string>> = { claude: 'anthropic', codex: 'openai', gemini: 'google', cursor: 'cursor' }

export interface ModelMatch {
  /** Registry row, or null when no candidate name is in the registry. */
  readonly model: RegistryModel | null
  /** Names tried, most specific first (the hit, if any, is the last). */
  readonly keys: readonly string[]
  readonly steps: readonly string[]
  /** True when the hit was reached by peeling `-fast` (Claude fast mode: no fast price in the data). */
  readonly fast: boolean
}

export interface ModelIndex {
  match(provider: ProviderId | null, modelRaw: string): ModelMatch
}

function rank(vendor: string, first: readonly (string | null | undefined)[]): number {
  const i = first.indexOf(vendor)
  if (i >= 0) return i - first.length
  const d = DEFAULT_VENDOR_ORDER.indexOf(vendor)
  return d >= 0 ? d : DEFAULT_VENDOR_ORDER.length
}

/** Exact-name index over the registry. Not memoized here: the pricer memoizes per (provider, raw). */
export function createModelIndex(registry: PriceRegistry): ModelIndex {
  const byName = new Map<string, RegistryModel[]>()
  for (const m of registry.models) {
    for (const a of m.aliases) {
      const list = byName.get(a)
      if (list === undefined) byName.set(a, [m])
      else list.push(m)
    }
  }
  return {
    match(provider, modelRaw) {
      const c = candidateNames(modelRaw)
      const prefer = [c.vendorHint, provider === null ? null : AGENT_VENDOR[provider]]
      for (let i = 0; i < c.keys.length; i++) {
        const hits = byName.get(c.keys[i] ?? '')
        if (hits === undefined) continue
        const best = hits.reduce((a, b) => (rank(b.vendor, prefer) < rank(a.vendor, prefer) ? b : a))
        return { model: best, keys: c.keys.slice(0, i + 1), steps: c.steps.slice(0, i + 1), fast: c.fastFrom >= 0 && i >= c.fastFrom }
      }
      return { model: null, keys: c.keys, steps: c.steps, fast: false }
    },
  }
}
