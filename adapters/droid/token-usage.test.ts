import { describe, expect, it } from 'vitest'
import { readTokenUsage } from './token-usage.ts'
import { usage } from './test-settings.ts'

describe('readTokenUsage', () => {
  it('maps disjoint Droid buckets: output = outputTokens + thinkingTokens, reasoning = thinkingTokens', () => {
    expect(readTokenUsage(usage(1234, 567, 89, 12, 34))).toEqual({
      tokens: { input: 1234, output: 601, cacheRead: 12, cacheWrite5m: 89, cacheWrite1h: 0, reasoning: 34 },
    })
  })

  it('reads missing and null fields as 0', () => {
    expect(readTokenUsage({ inputTokens: 100, outputTokens: 20, thinkingTokens: null })).toEqual({
      tokens: { input: 100, output: 20, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    })
  })

  it.each([
    ['missing tokenUsage', undefined, 'no-usage'],
    ['null tokenUsage', null, 'no-usage'],
    ['an array', [1, 2], 'bad-usage'],
    ['a string count', { inputTokens: '100', outputTokens: 20 }, 'bad-usage'],
    ['a negative count', { inputTokens: -5, outputTokens: 20 }, 'bad-usage'],
    ['a fractional count', { inputTokens: 1.5 }, 'bad-usage'],
    ['all zero', usage(0, 0, 0, 0, 0), 'zero-tokens'],
    ['empty', {}, 'zero-tokens'],
    ['only totalTokens', { totalTokens: 5000 }, 'total-only'],
  ])('%s → %s', (_, value, skip) => {
    expect(readTokenUsage(value)).toEqual({ skip })
  })
})
