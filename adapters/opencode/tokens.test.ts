import { describe, expect, it } from 'vitest'
import { readRawTokens, toTokenCounts } from './tokens.ts'
import { tok } from './test-db.ts'

const counts = (t: unknown) => {
  const raw = readRawTokens(t)
  return raw === null ? null : toTokenCounts(raw)
}

describe('OpenCode token buckets', () => {
  it.each([
    // [case, stored tokens, output we count, reasoning]
    ['current build, total = buckets + reasoning: reasoning added to output', tok(200, 300, 700, 5000, 0, 6200), 1000, 700],
    ['older build, total = buckets: output already holds reasoning', tok(200, 1000, 700, 5000, 0, 6200), 1000, 700],
    ['no total, reasoning larger than output: must be disjoint', tok(200, 40, 900), 940, 900],
    ['no total, reasoning within output: older builds’ inclusive output', tok(200, 1000, 700), 1000, 700],
    ['no reasoning at all', tok(200, 1000, 0, 0, 0, 1200), 1000, 0],
  ])('%s', (_, stored, output, reasoning) => {
    expect(counts(stored)).toMatchObject({ output, reasoning })
  })

  it('maps cache read/write to cacheRead and cacheWrite5m (OpenCode records no TTL)', () => {
    expect(counts(tok(12, 340, 0, 48_000, 2_100))).toEqual({ input: 12, output: 340, cacheRead: 48_000, cacheWrite5m: 2_100, cacheWrite1h: 0, reasoning: 0 })
  })

  it('clamps an underflowed input (inputTokens − cache < 0) to 0 and keeps cache and output', () => {
    expect(counts(tok(-150, 80, 0, 9_000, 0))).toEqual({ input: 0, output: 80, cacheRead: 9_000, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 })
  })

  it('accepts builds without reasoning or cache fields', () => {
    expect(counts({ input: 10, output: 20 })).toEqual({ input: 10, output: 20, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 })
  })

  it.each([
    ['not an object', 'x'],
    ['null', null],
    ['output missing', { input: 1 }],
    ['a string count', { input: '10', output: 2 }],
    ['negative output', { input: 1, output: -2 }],
    ['negative cache read', { input: 1, output: 2, cache: { read: -1, write: 0 } }],
    ['NaN reasoning', { input: 1, output: 2, reasoning: Number.NaN }],
  ])('rejects %s', (_, value) => {
    expect(readRawTokens(value)).toBeNull()
  })
})
