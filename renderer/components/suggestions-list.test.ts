import { describe, expect, it } from 'vitest'
import { figureLabel, figureValue } from './suggestions-list.tsx'

describe('suggestion figures', () => {
  it.each([
    ['unpricedTokens', 'Unpriced tokens'],
    ['valueUsd', 'Value'],
    ['usdPerRequest', 'Per request'],
    ['averageUsdPerRequest', 'Average per request'],
    ['cacheHitRatio', 'Cache hit ratio'],
    ['daysSinceLastEvent', 'Days since last event'],
  ])('labels %s as "%s"', (key, label) => {
    expect(figureLabel(key)).toBe(label)
  })

  it('formats money, ratios, multiples and counts', () => {
    expect([figureValue('feeUsd', 100), figureValue('cacheHitRatio', 0.2), figureValue('multiple', 7.4), figureValue('unpricedTokens', 92877)]).toEqual(['$100.00', '20%', '7.4×', '92,877'])
  })
})
