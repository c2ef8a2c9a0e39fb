import { describe, expect, it } from 'vitest'
import { costCell, dateCell, isUnchargedKind, tokenCell } from './cells.ts'

describe('tokenCell', () => {
  it.each([
    ['28342', 28342],
    [' 775 ', 775],
    ['28,342', 28342],
    ['1,234,567', 1234567],
    ['', 0],
    ['0', 0],
    ['-5', null],
    ['1.5', null],
    ['12,34', null],
    ['1e3', null],
    ['NaN', null],
    ['99999999999999999999', null],
  ])('%j → %j', (cell, n) => {
    expect(tokenCell(cell)).toBe(n)
  })
})

describe('costCell (Cursor\'s own cost, read leniently)', () => {
  it.each([
    ['0.19', 'Included', 0.19],
    ['$0.12', 'On-Demand', 0.12],
    ['$ 0.12', 'On-Demand', 0.12],
    ['$1,234.56', 'On-Demand', 1234.56],
    ['.5', null, 0.5],
    ['3', null, 3],
    ['0.50 USD', null, 0.5],
    ['Free', 'Free', 0],
    ['free', null, 0],
    ['0.00', 'Included', 0],
    ['0.07', 'Errored, No Charge', 0],
    ['0.07', 'Aborted, Not Charged', 0],
    ['', 'Included', null],
    ['-', 'Included', null],
    ['NaN', 'Included', null],
    ['-0.12', 'Included', null],
    ['EUR 3,50', 'Included', null],
    [undefined, 'Included', null],
    [undefined, 'Errored, No Charge', 0],
  ])('%j (kind %j) → %j', (cell, kind, usd) => {
    expect(costCell(cell, kind)).toBe(usd)
  })
})

describe('isUnchargedKind', () => {
  it.each([
    ['Errored, No Charge', true],
    ['Aborted, Not Charged', true],
    ['Included', false],
    ['On-Demand', false],
    ['Free', false],
    [null, false],
  ])('%j → %j', (kind, uncharged) => {
    expect(isUnchargedKind(kind)).toBe(uncharged)
  })
})

describe('dateCell', () => {
  it.each([
    ['ISO with ms and Z (current exports)', '2025-11-13T18:36:05.846Z', '2025-11-13T18:36:05.846Z'],
    ['ISO with an offset', '2025-11-13T20:36:05+02:00', '2025-11-13T18:36:05.000Z'],
    ['zoneless date-time (read as UTC)', '2026-06-17 13:00:00', '2026-06-17T13:00:00.000Z'],
    ['zoneless with ms', '2026-06-17T13:00:00.123', '2026-06-17T13:00:00.123Z'],
    ['bare date (old exports): noon UTC, so it stays on its day from UTC−12 to UTC+11', '2025-02-05', '2025-02-05T12:00:00.000Z'],
    ['surrounding spaces', ' 2025-02-05 ', '2025-02-05T12:00:00.000Z'],
  ])('%s', (_, cell, iso) => {
    expect(new Date(dateCell(cell)!).toISOString()).toBe(iso)
  })

  it.each([['2025-02-30'], ['2025-13-01'], ['2025-11-13T25:00:00Z'], ['13/11/2025'], ['Nov 13, 2025'], [''], ['yesterday']])('%j is not a date', (cell) => {
    expect(dateCell(cell)).toBeNull()
  })
})
