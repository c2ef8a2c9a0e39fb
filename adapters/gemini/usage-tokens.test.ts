import { describe, expect, it } from 'vitest'
import { totalTokens } from '../../common/tokens.ts'
import { inputIncludesCached, isZeroTokens, readGeminiTokens, toTokenCounts, type GeminiTokens } from './usage-tokens.ts'

const t = (input: number, output: number, cached: number, thoughts: number, tool: number, total: number): GeminiTokens => ({ input, output, cached, thoughts, tool, total })

describe('readGeminiTokens', () => {
  it('reads every field', () => {
    expect(readGeminiTokens({ input: 9650, output: 145, cached: 7800, thoughts: 96, tool: 12, total: 9903 })).toEqual(t(9650, 145, 7800, 96, 12, 9903))
  })

  it('reads missing and null fields as 0 (older builds omit thoughts and tool)', () => {
    expect(readGeminiTokens({ input: 100, output: 20, cached: null, total: 120 })).toEqual(t(100, 20, 0, 0, 0, 120))
  })

  it.each([
    ['a string', '100'],
    ['an array', [100]],
    ['a string count', { input: '100', output: 1 }],
    ['a negative count', { input: -1, output: 1 }],
    ['a fractional count', { input: 1.5, output: 1 }],
    ['an infinite count', { input: Number.POSITIVE_INFINITY, output: 1 }],
  ])('rejects %s', (_, value) => {
    expect(readGeminiTokens(value)).toBeNull()
  })
})

describe('inputIncludesCached', () => {
  it.each([
    ['the API convention: total = input + output + thoughts + tool', t(10000, 300, 8000, 50, 20, 10370), true],
    ['a total with cached added on top', t(9500, 180, 8000, 40, 0, 17720), false],
    ['cached above input, whatever the total says', t(2500, 180, 9000, 0, 0, 2680), false],
    ['no total: the API convention', t(10000, 300, 8000, 0, 0, 0), true],
    ['a total matching neither: the API convention', t(10000, 300, 8000, 0, 0, 12345), true],
    ['no cache: nothing to decide', t(5000, 100, 0, 0, 0, 5100), true],
  ])('%s → %s', (_, tokens, expected) => {
    expect(inputIncludesCached(tokens)).toBe(expected)
  })
})

describe('toTokenCounts', () => {
  it.each([
    ['cached taken out of input, thoughts added to output', t(9650, 145, 7800, 96, 0, 9891), { input: 1850, cacheRead: 7800, output: 241, reasoning: 96 }],
    ['tool-use prompt tokens added to input', t(12040, 512, 9100, 0, 380, 12932), { input: 3320, cacheRead: 9100, output: 512, reasoning: 0 }],
    ['input that already excludes cached left whole', t(9500, 180, 8000, 40, 0, 17720), { input: 9500, cacheRead: 8000, output: 220, reasoning: 40 }],
  ])('%s', (_, tokens, expected) => {
    expect(toTokenCounts(tokens)).toEqual({ ...expected, cacheWrite5m: 0, cacheWrite1h: 0 })
  })

  it.each([
    ['input includes cached', t(9650, 145, 7800, 96, 12, 9903)],
    ['input excludes cached', t(9500, 180, 8000, 40, 0, 17720)],
  ])('totals the same as the log when %s', (_, tokens) => {
    expect(totalTokens(toTokenCounts(tokens))).toBe(tokens.total)
  })
})

describe('isZeroTokens', () => {
  it.each([
    [t(0, 0, 0, 0, 0, 0), true],
    [t(0, 0, 0, 0, 0, 500), true],
    [t(0, 0, 0, 7, 0, 7), false],
    [t(0, 0, 0, 0, 3, 3), false],
  ])('%o → %s', (tokens, expected) => {
    expect(isZeroTokens(tokens)).toBe(expected)
  })
})
