import type { AffectedUsage } from '../../common/methods/pricing-methods.ts'
import { VENDOR_PRICED_PROVIDERS, type ProviderId } from '../../common/providers.ts'
import type { Db } from '../store/open-ledger.ts'
import { DAY_MS } from '../store/rollup-delta.ts'
import { applicableOverrides, canonicalOf, compileOverrides } from './compile-overrides.ts'
import { createModelIndex, type ModelIndex } from './model-index.ts'
import { PRICE_REGISTRY } from './registry.generated.ts'

/**
 * Which ledger usage a price for (provider, model) re-prices, and how much of it lies in a date range.
 * Models are stored as the agents spelled them (`model_raw`): each spelling is resolved the way the
 * pricer resolves it, so `claude-sonnet-4-5-20250929` and `anthropic/claude-sonnet-4.5` both count for an
 * override of `claude-sonnet-4-5`.
 */

// Usage priced at the vendor's own charge (Cursor) is never re-priced by an override.
const VENDOR_PRICED = VENDOR_PRICED_PROVIDERS

let index: ModelIndex | null = null
function modelIndex(): ModelIndex {
  index ??= createModelIndex(PRICE_REGISTRY)
  return index
}

/** True for usage rows (provider, raw model) that an override of `model` for `provider` (null: all) applies to. */
export function overrideMatcher(provider: ProviderId | null, model: string): (rowProvider: ProviderId, modelRaw: string) => boolean {
  const idx = modelIndex()
  // The same compile-and-match steps the pricer runs, with a probe override: its prices do not matter.
  const probe = compileOverrides([{ id: 'probe', provider, model, prices: {}, effectiveFrom: null, effectiveUntil: null }], idx)
  return (rowProvider, modelRaw) => {
    if (VENDOR_PRICED.has(rowProvider)) return false
    const m = idx.match(rowProvider, modelRaw)
    return applicableOverrides(probe, rowProvider, m.keys, canonicalOf(m)).length > 0
  }
}

/** The registry id a model name resolves to for a provider (any provider: null), or null when unknown. */
export function registryCanonical(provider: ProviderId | null, model: string): string | null {
  return canonicalOf(modelIndex().match(provider, model))
}

interface UsageGroup {
  provider: ProviderId
  model_raw: string
  events: number
  tokens: number
  first_ts: number
  last_ts: number
}

/**
 * Events, tokens (prompt + output; reasoning is inside output) and first/last instant of the usage an
 * override of (provider, model) re-prices within UTC days [from, until] (inclusive, null = open).
 * Reads the session rollup, range-limited on its `utc_day` index, grouped per spelling.
 */
export function affectedUsage(db: Db, provider: ProviderId | null, model: string, from: string | null, until: string | null): AffectedUsage {
  const where: string[] = []
  const args: (string | number)[] = []
  if (from !== null) {
    where.push('utc_day >= ?')
    args.push(Date.parse(`${from}T00:00:00Z`) / DAY_MS)
  }
  if (until !== null) {
    where.push('utc_day <= ?')
    args.push(Date.parse(`${until}T00:00:00Z`) / DAY_MS)
  }
  if (provider !== null) {
    where.push('provider = ?')
    args.push(provider)
  }
  const groups = db
    .prepare<(string | number)[], UsageGroup>(
      `SELECT provider, model_raw, sum(requests) AS events, sum(input + output + cache_read + cache_write_5m + cache_write_1h) AS tokens,
              min(first_ts) AS first_ts, max(last_ts) AS last_ts
       FROM session_rollup ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY provider, model_raw`,
    )
    .all(...args)
  const applies = overrideMatcher(provider, model)
  const out = { events: 0, tokens: 0, first: Number.POSITIVE_INFINITY, last: Number.NEGATIVE_INFINITY }
  for (const g of groups) {
    if (!applies(g.provider, g.model_raw)) continue
    out.events += g.events
    out.tokens += g.tokens
    out.first = Math.min(out.first, g.first_ts)
    out.last = Math.max(out.last, g.last_ts)
  }
  return {
    events: out.events,
    tokens: out.tokens,
    firstAt: out.events === 0 ? null : new Date(out.first).toISOString(),
    lastAt: out.events === 0 ? null : new Date(out.last).toISOString(),
  }
}
