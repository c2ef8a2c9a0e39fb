import { describe, expect, it } from 'vitest'
import { addDays, localDate, rangeFor } from './ranges.ts'

describe('localDate', () => {
  it.each([
    ['2025-03-01T02:30:00Z', 'UTC', '2025-03-01'],
    ['2025-03-01T02:30:00Z', 'America/Los_Angeles', '2025-02-28'],
    ['2025-03-01T23:30:00Z', 'Asia/Tokyo', '2025-03-02'],
  ])('%s in %s is %s', (iso, zone, expected) => {
    expect(localDate(new Date(iso), zone)).toBe(expected)
  })
})

describe('addDays', () => {
  it.each([
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-06-15', -29, '2025-05-17'],
  ])('%s %+d days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected)
  })
})

describe('rangeFor', () => {
  it.each([
    ['today', { since: '2025-06-15', until: '2025-06-15' }],
    ['7d', { since: '2025-06-09', until: '2025-06-15' }],
    ['30d', { since: '2025-05-17', until: '2025-06-15' }],
    ['month', { since: '2025-06-01', until: '2025-06-15' }],
  ] as const)('%s on 2025-06-15', (kind, expected) => {
    expect(rangeFor(kind, '2025-06-15')).toEqual(expected)
  })
})

describe('custom range', () => {
  it('uses the chosen dates', () => {
    expect(rangeFor('custom', '2025-06-15', { since: '2025-05-02', until: '2025-05-09' })).toEqual({ since: '2025-05-02', until: '2025-05-09' })
  })

  it('swaps dates picked in the wrong order', () => {
    expect(rangeFor('custom', '2025-06-15', { since: '2025-05-09', until: '2025-05-02' })).toEqual({ since: '2025-05-02', until: '2025-05-09' })
  })

  it('defaults to the last 7 days before the user picks', () => {
    expect(rangeFor('custom', '2025-06-15')).toEqual({ since: '2025-06-09', until: '2025-06-15' })
  })
})
