import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTEXT_BUCKET_EDGES } from '../../common/context-buckets.ts'
import { buildRegistrySource, REGISTRY_OUT } from '../../scripts/build-price-registry.ts'
import { PRICE_REGISTRY } from './registry.generated.ts'
import { PRICE_COMPONENTS } from './registry-types.ts'

const tierThresholds = PRICE_REGISTRY.models.flatMap((m) =>
  m.schedule.flatMap((e) => PRICE_COMPONENTS.flatMap((c) => {
    const p = e.prices[c]
    return p === undefined || typeof p === 'number' ? [] : p.tiers.map((t) => ({ model: `${m.vendor}/${m.id}`, above: t.above }))
  })),
)

describe('registry.generated.ts', () => {
  it('is what scripts/build-price-registry.ts produces from the installed genai-prices (re-run the script if not)', async () => {
    const { source } = await buildRegistrySource()
    expect(readFileSync(REGISTRY_OUT, 'utf8')).toBe(source)
  })

  it('puts every tier threshold on a context-bucket edge', () => {
    const edges: readonly number[] = CONTEXT_BUCKET_EDGES
    expect(tierThresholds.length).toBeGreaterThan(0)
    expect(tierThresholds.filter((t) => !edges.includes(t.above))).toEqual([])
  })

  it('records the upstream version and a source for every model', () => {
    expect(PRICE_REGISTRY.version).toBe('genai-prices-0.1.8+tl.1')
    expect(new Set(PRICE_REGISTRY.models.map((m) => m.source))).toEqual(new Set(['official', 'aggregator', 'inferred']))
  })

  it('gives every model an input and an output price in every period (unpriced models are left out, not $0)', () => {
    const missing = PRICE_REGISTRY.models.filter((m) => m.schedule.some((e) => e.prices.input === undefined || e.prices.output === undefined))
    expect(missing).toEqual([])
  })

  it('keeps the vendors coding agents use', () => {
    expect(PRICE_REGISTRY.vendors.map((v) => v.id)).toEqual(['anthropic', 'openai', 'google', 'x-ai', 'deepseek', 'mistral', 'moonshotai', 'zai', 'minimax', 'cursor', 'zhipuai', 'openrouter'])
  })

  it('lists the upstream model whose tier rollups cannot represent', () => {
    expect(PRICE_REGISTRY.excluded.map((x) => `${x.vendor}/${x.id}`)).toEqual(['minimax/minimax-m3'])
  })
})
