import { afterEach, describe, expect, it } from 'vitest'
import {
  formatAgo,
  formatCostOrUnpriced,
  formatCountdown,
  formatDateTime,
  formatDay,
  formatInteger,
  formatMultiple,
  formatRatio,
  formatSpan,
  formatTokens,
  formatUsd,
  formatUsdPerMtok,
  setMoneyDisplay,
  formatUsedPercent,
} from './format.ts'

const MIN = 60_000
const HOUR = 60 * MIN

describe('formatUsd with the user’s money display', () => {
  afterEach(() => setMoneyDisplay(undefined))

  it('converts to the display currency at the user’s rate', () => {
    setMoneyDisplay({ currency: 'EUR', usdRate: 0.9, hideAmounts: false })
    expect(formatUsd(10, 'en-US')).toBe('€9.00')
    expect(formatUsd(1234.5, 'de-DE')).toBe('1.111,05\u00a0€')
  })

  it('keeps the under-a-cent rule after conversion', () => {
    setMoneyDisplay({ currency: 'JPY', usdRate: 150, hideAmounts: false })
    expect(formatUsd(0.00002, 'en-US')).toBe('<¥0.01')
    expect(formatUsd(2, 'en-US')).toBe('¥300.00')
  })

  it('hides every amount in screen-sharing mode', () => {
    setMoneyDisplay({ currency: 'USD', usdRate: 1, hideAmounts: true })
    expect(formatUsd(12.5, 'en-US')).toBe('•••')
    expect(formatUsdPerMtok(3.2, 'en-US')).toBe('•••/Mtok')
  })

  it('falls back to USD for a code Intl rejects', () => {
    setMoneyDisplay({ currency: 'E1', usdRate: 1, hideAmounts: false })
    expect(formatUsd(10, 'en-US')).toBe('$10.00')
  })
})

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [0.0375, '$0.04'],
    [0.004, '<$0.01'],
    [12.5, '$12.50'],
    [1234.567, '$1,234.57'],
  ])('%d → %s', (value, expected) => {
    expect(formatUsd(value, 'en-US')).toBe(expected)
  })

  it('follows the locale', () => {
    expect(formatUsd(1234.5, 'de-DE')).toBe('1.234,50\u00a0$')
  })
})

describe('formatTokens', () => {
  it.each([
    [0, '0'],
    [950, '950'],
    [12_345, '12.3K'],
    [1_250_000, '1.3M'],
    [3_000_000_000, '3B'],
  ])('%d → %s', (value, expected) => {
    expect(formatTokens(value, 'en-US')).toBe(expected)
  })
})

describe('formatInteger', () => {
  it('groups thousands', () => {
    expect(formatInteger(52_010, 'en-US')).toBe('52,010')
  })
})

describe('formatCostOrUnpriced', () => {
  it('shows unpriced usage with its token count, never $0', () => {
    expect(formatCostOrUnpriced(null, 1_200_000, 'en-US')).toBe('unpriced · 1.2M tokens')
  })

  it('shows a priced cost in dollars', () => {
    expect(formatCostOrUnpriced(3.5, 1_200_000, 'en-US')).toBe('$3.50')
  })
})

describe('ratios and multiples', () => {
  it.each([
    [0.42, '42%'],
    [0.005, '0.5%'],
    [0, '0%'],
    [1, '100%'],
  ])('ratio %d → %s', (ratio, expected) => {
    expect(formatRatio(ratio, 'en-US')).toBe(expected)
  })

  it('formats a quota percentage reported as 0..100', () => {
    expect(formatUsedPercent(73, 'en-US')).toBe('73%')
  })

  it('formats a value multiple with one decimal', () => {
    expect(formatMultiple(6.1, 'en-US')).toBe('6.1×')
  })

  it('formats $/Mtok', () => {
    expect(formatUsdPerMtok(3.421, 'en-US')).toBe('$3.42/Mtok')
  })
})

describe('formatCountdown', () => {
  it.each([
    [0, 'now'],
    [-5_000, 'now'],
    [59_000, '0m 59s'],
    [14 * MIN + 5_000, '14m 05s'],
    [2 * HOUR + 14 * MIN + 30_000, '2h 14m'],
    [47 * HOUR + 59 * MIN, '47h 59m'],
    [3 * 24 * HOUR + 4 * HOUR + 10 * MIN, '3d 4h'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatCountdown(ms)).toBe(expected)
  })
})

describe('formatAgo', () => {
  it.each([
    [10_000, 'now'],
    [3 * MIN + 10_000, '3 minutes ago'],
    [2 * HOUR, '2 hours ago'],
    [26 * HOUR, 'yesterday'],
    [4 * 24 * HOUR, '4 days ago'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatAgo(ms, 'en-US')).toBe(expected)
  })
})

describe('dates in the snapshot time zone', () => {
  it('shows an instant in the given zone, not the machine zone', () => {
    expect(formatDateTime('2025-06-03T23:30:00Z', 'Asia/Tokyo', 'en-GB')).toBe('4 Jun, 08:30')
  })

  it('formats a local date without shifting it', () => {
    expect(formatDay('2025-06-03', 'en-US')).toBe('Jun 3')
  })

  it('shows a same-day span as a time range', () => {
    expect(formatSpan('2025-06-03T09:00:00Z', '2025-06-03T17:45:00Z', 'UTC', 'en-GB')).toBe('3 Jun, 09:00–17:45')
  })

  it('shows a multi-day span as a date range', () => {
    expect(formatSpan('2025-06-01T09:00:00Z', '2025-06-03T17:45:00Z', 'UTC', 'en-GB')).toBe('1 Jun – 3 Jun')
  })
})
