import { describe, expect, it } from 'vitest'
import { contextBucket } from '../../common/context-buckets.ts'
import type { ProviderId } from '../../common/providers.ts'
import { promptTokens } from '../../common/tokens.ts'
import type { TokenCounts } from '../../common/tokens.ts'
import { createPricer } from './pricer.ts'
import type { PriceOverride } from './pricer-types.ts'

const tokens = (t: Partial<TokenCounts>): TokenCounts => ({ input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0, ...t })
const at = (iso: string): number => Date.parse(iso)
const pricer = createPricer([])
/** Prices one request, deriving its context bucket from its exact prompt size as the store does. */
const cost = (provider: ProviderId, model: string, iso: string, t: TokenCounts, p = pricer): number | null =>
  p.cost(provider, model, at(iso), t, contextBucket(promptTokens(t)))

describe('pinned request costs', () => {
  it.each([
    // Claude Sonnet 4.5 below the 200k tier, prompt 10,000 + 150,000 + 20,000 = 180,000:
    //   10,000 × $3 + 150,000 × $0.30 + 20,000 × $3.75 + 2,000 × $15 = 30,000 + 45,000 + 75,000 + 30,000 = 180,000 µ$ = $0.18
    ['sonnet 4.5, 180k prompt', 'claude', 'claude-sonnet-4-5-20250929', '2025-10-01T12:00:00Z', tokens({ input: 10_000, cacheRead: 150_000, cacheWrite5m: 20_000, output: 2_000 }), 0.18],
    // Above the tier, prompt 10,000 + 200,000 + 20,000 = 230,000 > 200,000: the WHOLE request at tier rates:
    //   10,000 × $6 + 200,000 × $0.60 + 20,000 × $7.50 + 2,000 × $22.50 = 60,000 + 120,000 + 150,000 + 45,000 = $0.375
    ['sonnet 4.5, 230k prompt', 'claude', 'claude-sonnet-4-5-20250929', '2025-10-01T12:00:00Z', tokens({ input: 10_000, cacheRead: 200_000, cacheWrite5m: 20_000, output: 2_000 }), 0.375],
    // Exactly 200,000 is not above the threshold: base rates. 200,000 × $3 = $0.60
    ['sonnet 4.5, exactly 200k prompt', 'claude', 'claude-sonnet-4-5', '2025-10-01T12:00:00Z', tokens({ input: 200_000 }), 0.6],
    // 1-hour cache write at its own price ($6, 2× input), not the 5-minute $3.75:
    //   1,000 × $3 + 10,000 × $6 + 500 × $15 = 3,000 + 60,000 + 7,500 = $0.0705
    ['sonnet 4.5, 1h cache write', 'claude', 'claude-sonnet-4-5-20250929', '2025-10-01T12:00:00Z', tokens({ input: 1_000, cacheWrite1h: 10_000, output: 500 }), 0.0705],
    // Same tokens written to the 5-minute cache: 3,000 + 10,000 × $3.75 + 7,500 = $0.048
    ['sonnet 4.5, 5m cache write', 'claude', 'claude-sonnet-4-5-20250929', '2025-10-01T12:00:00Z', tokens({ input: 1_000, cacheWrite5m: 10_000, output: 500 }), 0.048],
    // o3 before its 2025-06-10 cut ($10 / $0.50 cached / $40):
    //   20,000 × $10 + 80,000 × $0.50 + 5,000 × $40 = 200,000 + 40,000 + 200,000 = $0.44
    ['o3 the second before the cut', 'codex', 'o3', '2025-06-09T23:59:59Z', tokens({ input: 20_000, cacheRead: 80_000, output: 5_000 }), 0.44],
    // From 2025-06-10 00:00 UTC ($2 / $0.50 / $8): 40,000 + 40,000 + 40,000 = $0.12
    ['o3 from the cut', 'codex', 'o3-2025-04-16', '2025-06-10T00:00:00Z', tokens({ input: 20_000, cacheRead: 80_000, output: 5_000 }), 0.12],
    // Codex: 800 reasoning tokens are INSIDE the 1,000 output tokens, priced once:
    //   1,000 × $1.25 + 1,000 × $10 = 1,250 + 10,000 = $0.01125 (not + 800 × $10)
    ['gpt-5 with reasoning', 'codex', 'gpt-5', '2025-10-01T12:00:00Z', tokens({ input: 1_000, output: 1_000, reasoning: 800 }), 0.01125],
    ['provider-prefixed openai/gpt-5', 'opencode', 'openai/gpt-5', '2025-10-01T12:00:00Z', tokens({ input: 1_000, output: 1_000, reasoning: 800 }), 0.01125],
    // Bedrock id, same Anthropic list price as the 180k case above.
    ['Bedrock id', 'claude', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', '2025-10-01T12:00:00Z', tokens({ input: 10_000, cacheRead: 150_000, cacheWrite5m: 20_000, output: 2_000 }), 0.18],
    // gpt-5.4-mini at its own price: 1,000,000 × $0.75 + 100,000 × $4.50 = $1.20 (gpt-5 would be $2.25)
    ['gpt-5.4-mini is not gpt-5', 'codex', 'gpt-5.4-mini', '2026-04-01T12:00:00Z', tokens({ input: 1_000_000, output: 100_000 }), 1.2],
    // gpt-5.4 above 272k: 300,000 × $5 (2× input) = $1.50
    ['gpt-5.4 above 272k', 'codex', 'gpt-5.4', '2026-04-01T12:00:00Z', tokens({ input: 300_000 }), 1.5],
    // Opus 4.6 lost its >200k tier on 2026-03-13. 242,010-token prompt (10 + 240,000 read + 2,000 write) + 1,000 output:
    //   before: 10 × $10 + 240,000 × $1 + 2,000 × $12.50 + 1,000 × $37.50 = 100 + 240,000 + 25,000 + 37,500 = $0.3026
    ['opus 4.6 tier before 2026-03-13', 'claude', 'claude-opus-4-6', '2026-02-20T12:00:00Z', tokens({ input: 10, cacheRead: 240_000, cacheWrite5m: 2_000, output: 1_000 }), 0.3026],
    //   after: 10 × $5 + 240,000 × $0.50 + 2,000 × $6.25 + 1,000 × $25 = 50 + 120,000 + 12,500 + 25,000 = $0.15755
    ['opus 4.6 flat after', 'claude', 'claude-opus-4-6', '2026-04-01T12:00:00Z', tokens({ input: 10, cacheRead: 240_000, cacheWrite5m: 2_000, output: 1_000 }), 0.15755],
    // DeepSeek's standard window is 00:30–16:30 UTC: 1,000,000 × $0.27 at 01:00, × $0.135 (off-peak) at 20:00.
    ['deepseek-chat peak', 'opencode', 'deepseek-chat', '2025-10-01T01:00:00Z', tokens({ input: 1_000_000 }), 0.27],
    ['deepseek-chat off-peak', 'opencode', 'deepseek-chat', '2025-10-01T20:00:00Z', tokens({ input: 1_000_000 }), 0.135],
    // OpenAI lists no cache-write price: cache writes are billed as input. 1,000,000 × $1.25 = $1.25
    ['gpt-5 cache write billed as input', 'codex', 'gpt-5', '2025-10-01T12:00:00Z', tokens({ cacheWrite5m: 1_000_000 }), 1.25],
  ] as const)('%s', (_name, provider, model, iso, t, usd) => {
    expect(cost(provider, model, iso, t)).toBeCloseTo(usd, 12)
  })

  it('prices Claude fast mode at the standard rate, marked inferred (no fast price in the data)', () => {
    const t = tokens({ input: 1_000, output: 1_000 })
    expect(cost('claude', 'claude-opus-4-6-fast', '2026-04-01T12:00:00Z', t)).toBeCloseTo(0.03, 12) // 1,000 × $5 + 1,000 × $25
    expect(pricer.resolve('claude', 'claude-opus-4-6-fast')).toEqual({ canonical: 'claude-opus-4-6-fast', priced: true, source: 'inferred' })
  })

  it('prices a Cursor Grok at Cursor’s table and an OpenCode Grok at xAI’s', () => {
    const t = tokens({ cacheRead: 100_000 })
    expect(cost('cursor', 'grok-4.5', '2026-08-01T12:00:00Z', t)).toBeCloseTo(0.05, 12) // Cursor: 100,000 × $0.50 cached
    expect(cost('opencode', 'grok-4.5', '2026-08-01T12:00:00Z', t)).toBeCloseTo(0.03, 12) // xAI: 100,000 × $0.30 cached
    // xAI bills ≥ 200k at its tier (genai-prices `start: 199999`, mapped to the 200,000 edge): 300,000 × $0.60 = $0.18
    expect(cost('opencode', 'grok-4.5', '2026-08-01T12:00:00Z', tokens({ cacheRead: 300_000 }))).toBeCloseTo(0.18, 12)
  })
})

describe('unpriced models', () => {
  it.each(['gpt-9-ultra', '<synthetic>', 'gemini-3-pro', 'auto', '', 'gpt-5.4-mini-turbo'])('%j costs null, never $0', (model) => {
    expect(cost('codex', model, '2026-04-01T12:00:00Z', tokens({ input: 1_000, output: 1_000 }))).toBeNull()
    expect(pricer.resolve('codex', model)).toEqual({ canonical: model, priced: false, source: null })
  })

  it('does not resolve gpt-5.4-mini to gpt-5', () => {
    expect(pricer.resolve('codex', 'gpt-5.4-mini').canonical).toBe('gpt-5.4-mini')
    expect(pricer.resolve('codex', 'gpt-5.4-mini-2026-03-17').canonical).toBe('gpt-5.4-mini')
  })

  it('leaves minimax-m3 unpriced: its 512k tier is not a context-bucket edge', () => {
    expect(pricer.resolve('opencode', 'minimax-m3').priced).toBe(false)
  })
})

describe('resolution', () => {
  it.each([
    ['claude', 'claude-sonnet-4-5-20250929', 'claude-sonnet-4-5', 'official'],
    ['opencode', 'anthropic/claude-sonnet-4-5', 'claude-sonnet-4-5', 'official'],
    ['claude', 'claude-sonnet-4-5@20250929', 'claude-sonnet-4-5', 'official'],
    ['claude', 'claude-opus-4-6[1m]', 'claude-opus-4-6', 'official'],
    ['codex', 'gpt-5-2025-08-07', 'gpt-5', 'official'],
    ['codex', 'gpt-5.1-codex-max-xhigh', 'gpt-5.1', 'official'],
    ['cursor', 'gpt-5-high', 'gpt-5', 'official'],
    ['cursor', 'claude-4.5-sonnet-thinking', 'claude-sonnet-4-5', 'official'],
    ['droid', 'custom:Claude-Opus-4.5-Thinking-[Anthropic]-0', 'claude-opus-4-5', 'official'],
    ['cursor', 'composer-2.5[fast=true]', 'composer-2.5-fast', 'official'],
    ['opencode', 'qwen3-coder-plus', 'qwen3-coder-plus', 'aggregator'],
    ['droid', 'glm-4.6', 'glm-4.6', 'aggregator'],
  ] as const)('%s %s → %s (%s)', (provider, raw, canonical, source) => {
    expect(pricer.resolve(provider, raw)).toEqual({ canonical, priced: true, source })
  })
})

describe('user overrides', () => {
  const september: PriceOverride = { id: 'o1', provider: null, model: 'gpt-5', prices: { input: 1 }, effectiveFrom: '2025-09-01', effectiveUntil: '2025-09-30' }
  const withOverride = createPricer([september])
  const t = tokens({ input: 1_000_000, output: 100_000 })

  it.each([
    // In force all of Sep 30 (inclusive end): 1,000,000 × $1 (user) + 100,000 × $10 (registry) = $2.00
    ['2025-09-30T23:59:59Z', 2],
    // Not before or after: 1,000,000 × $1.25 + 100,000 × $10 = $2.25
    ['2025-10-01T00:00:00Z', 2.25],
    ['2025-08-31T23:59:59Z', 2.25],
  ])('at %s costs $%d', (iso, usd) => {
    expect(cost('codex', 'gpt-5-codex', iso, t, withOverride)).toBeCloseTo(usd, 12)
  })

  it('marks the model user-priced', () => {
    expect(withOverride.resolve('codex', 'gpt-5')).toEqual({ canonical: 'gpt-5', priced: true, source: 'user' })
  })

  it('prices an unknown model when given input and output, keyed by its base name', () => {
    const p = createPricer([{ id: 'o2', provider: 'codex', model: 'gpt-9', prices: { input: 2, output: 8 }, effectiveFrom: null, effectiveUntil: null }])
    // 1,000,000 × $2 + 100,000 × $8 = $2.80; cache reads fall back to the input price: + 0
    expect(cost('codex', 'openai/gpt-9-2026-01-01', '2026-04-01T00:00:00Z', t, p)).toBeCloseTo(2.8, 12)
    expect(p.resolve('codex', 'gpt-9-high')).toEqual({ canonical: 'gpt-9', priced: true, source: 'user' })
    // Scoped to Codex: OpenCode's gpt-9 stays unpriced.
    expect(cost('opencode', 'gpt-9', '2026-04-01T00:00:00Z', t, p)).toBeNull()
  })

  it('lets an agent-specific override beat a general one, and a -fast override beat its base', () => {
    const p = createPricer([
      { id: 'a', provider: 'claude', model: 'claude-opus-4-6', prices: { output: 30 }, effectiveFrom: null, effectiveUntil: null },
      { id: 'b', provider: null, model: 'claude-opus-4-6', prices: { output: 99 }, effectiveFrom: null, effectiveUntil: null },
      { id: 'c', provider: 'claude', model: 'claude-opus-4-6-fast', prices: { output: 150 }, effectiveFrom: null, effectiveUntil: null },
    ])
    const out = tokens({ output: 1_000_000 })
    expect(cost('claude', 'claude-opus-4-6', '2026-04-01T00:00:00Z', out, p)).toBeCloseTo(30, 12)
    expect(cost('opencode', 'claude-opus-4-6', '2026-04-01T00:00:00Z', out, p)).toBeCloseTo(99, 12)
    expect(cost('claude', 'claude-opus-4-6-fast', '2026-04-01T00:00:00Z', out, p)).toBeCloseTo(150, 12)
  })
})

describe('pricer.describe (prices show)', () => {
  it('shows the o3 prices in force on a date, with the period start', () => {
    const d = pricer.describe(null, 'o3', at('2025-07-01T00:00:00Z'))
    expect(d?.periodFrom).toBe('2025-06-10')
    expect(d?.components.input).toEqual({ usdPerMtok: 2, tiers: [], source: 'official', derivedFrom: null })
    expect(d?.components.output?.usdPerMtok).toBe(8)
    // No cache-write price listed: billed as input.
    expect(d?.components.cacheWrite5m).toEqual({ usdPerMtok: 2, tiers: [], source: 'official', derivedFrom: 'input' })
  })

  it('shows whole-request tiers', () => {
    const d = pricer.describe('claude', 'claude-sonnet-4-5', at('2025-10-01T00:00:00Z'))
    expect(d?.components.output).toEqual({ usdPerMtok: 15, tiers: [{ abovePromptTokens: 200_000, usdPerMtok: 22.5, inclusive: false }], source: 'official', derivedFrom: null })
  })

  it('is null for an unpriced model', () => {
    expect(pricer.describe(null, 'gpt-9', at('2025-10-01T00:00:00Z'))).toBeNull()
  })
})
