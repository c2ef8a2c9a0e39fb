import { describe, expect, it } from 'vitest'
import { customRangeErrors, exportRange, formatFileSize } from './export-options.ts'

const CUSTOM = { since: '2026-10-05', until: '2026-10-09' }

describe('exportRange', () => {
  it.each([
    ['month', '2026-11-23', { since: '2026-11-01', until: '2026-11-23' }],
    ['last-month', '2026-11-23', { since: '2026-10-01', until: '2026-10-31' }],
    ['last-month', '2026-03-01', { since: '2026-02-01', until: '2026-02-28' }],
    ['last-month', '2024-03-15', { since: '2024-02-01', until: '2024-02-29' }],
    ['last-month', '2026-01-10', { since: '2025-12-01', until: '2025-12-31' }],
    ['30d', '2026-11-23', { since: '2026-10-25', until: '2026-11-23' }],
    ['custom', '2026-11-23', CUSTOM],
  ] as const)('%s on %s is %j', (kind, today, expected) => {
    expect(exportRange(kind, today, CUSTOM)).toEqual(expected)
  })
})

describe('customRangeErrors', () => {
  it('accepts a one-day range', () => {
    expect(customRangeErrors({ since: '2026-11-02', until: '2026-11-02' })).toEqual({})
  })
  it('names the field at fault: missing dates, or an end before the start', () => {
    expect(customRangeErrors({ since: '', until: '' })).toEqual({ since: 'Pick a start date.', until: 'Pick an end date.' })
    expect(customRangeErrors({ since: '2026-11-10', until: '2026-11-02' })).toEqual({ until: 'The end date is before the start date.' })
  })
})

describe('formatFileSize', () => {
  it.each([
    [300, '0.3 KB'],
    [9_728, '9.5 KB'],
    [12_800, '13 KB'],
    [51_200, '50 KB'],
    [3 * 1024 * 1024 + 200_000, '3.2 MB'],
  ])('%i bytes → %s', (bytes, text) => {
    expect(formatFileSize(bytes, 'en-US')).toBe(text)
  })
})
