/**
 * Cursor exports through the REAL engine (discovery of the import folder, whole-file scan, SQLite ledger
 * with its global dedupe): what a user sees when exports overlap, are imported twice, or are read while
 * still being written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { cursorCsvAdapter } from './index.ts'
import { csv, TOKSCALE_CSV, type RowSpec } from './test-csv.ts'

const homes: string[] = []
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true })
})

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'tl-cursor-'))
  homes.push(home)
  const dir = join(home, '.tokenledger', 'imports', 'cursor')
  mkdirSync(dir, { recursive: true })
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const ingest = () => runIngest(ledger, [cursorCsvAdapter], { home, env: {}, platform: 'linux' }, { now: () => 0 })
  const write = (name: string, text: string): void => writeFileSync(join(dir, name), text)
  const totals = () =>
    ledger.db
      .prepare('SELECT count(*) AS requests, sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite, round(sum(vendor_cost_usd), 6) AS cost FROM events')
      .get()
  return { ingest, write, totals }
}

const NOV: RowSpec[] = [
  { date: '2025-11-01T10:00:00.000Z', model: 'auto', tokens: [1000, 200, 5000, 300], cost: '0.05' },
  { date: '2025-11-10T11:00:00.000Z', model: 'gpt-5', tokens: [0, 400, 8000, 600], cost: '0.04' },
  { date: '2025-11-15T12:00:00.000Z', model: 'claude-4.5-sonnet-thinking', tokens: [2000, 100, 30000, 900], cost: '0.31', kind: 'On-Demand' },
  { date: '2025-11-20T09:30:00.000Z', model: 'gpt-5', tokens: [0, 700, 0, 100], cost: '0.01', kind: 'On-Demand' },
]

describe('overlapping exports', () => {
  it('the same export imported twice (two file names) counts once', () => {
    const t = setup()
    t.write('export.csv', csv('kinds', NOV))
    t.ingest()
    t.write('export (1).csv', csv('kinds', NOV))
    t.ingest()
    expect(t.totals()).toEqual({ requests: 4, input: 1400, output: 1900, cacheRead: 43000, cacheWrite: 3000, cost: 0.41 })
  })

  it('a later export covering part of the same days adds only its new rows, whatever its header variant', () => {
    const t = setup()
    t.write('first-half.csv', csv('kinds', NOV.slice(0, 3)))
    t.ingest()
    t.write('second-half.csv', csv('agents', NOV.slice(1)))
    const second = t.ingest()
    expect([second.newEvents, t.totals()]).toEqual([1, { requests: 4, input: 1400, output: 1900, cacheRead: 43000, cacheWrite: 3000, cost: 0.41 }])
  })

  it('reading the folder again adds nothing', () => {
    const t = setup()
    t.write('export.csv', TOKSCALE_CSV)
    t.ingest()
    expect(t.ingest().newEvents).toBe(0)
  })
})

describe('an export written while being read', () => {
  const quoted = csv('kinds', NOV)
  const unquoted = csv('old', NOV).replaceAll('"', '')
  const noFinalNewline = TOKSCALE_CSV
  /** Cut points: every character of the last two rows (where a live write tears), every third before. */
  const cutsOf = (text: string): number[] => {
    const tail = text.lastIndexOf('\n', text.length - 2)
    const lastTwo = text.lastIndexOf('\n', tail - 1)
    return Array.from({ length: text.length - 1 }, (_, i) => i + 1).filter((at) => at > lastTwo || at % 3 === 0)
  }

  it.each([
    ['every cell quoted (as Cursor writes)', quoted],
    ['unquoted, old header', unquoted],
    ['no newline after the last row', noFinalNewline],
  ])('%s: a cut read, then the whole file, totals one clean read', (_, full) => {
    const clean = setup()
    clean.write('export.csv', full)
    clean.ingest()
    const expected = clean.totals()
    const differing = cutsOf(full).filter((at) => {
      const torn = setup()
      torn.write('export.csv', full.slice(0, at))
      torn.ingest()
      torn.write('export.csv', full)
      torn.ingest()
      return JSON.stringify(torn.totals()) !== JSON.stringify(expected)
    })
    expect(differing).toEqual([])
  })

  it('a file emptied mid-rewrite is a skip, never a crash, and the earlier rows stay', () => {
    const t = setup()
    t.write('export.csv', TOKSCALE_CSV)
    t.ingest()
    t.write('export.csv', '')
    const summary = t.ingest()
    expect([summary.errors, t.totals()]).toEqual([[], { requests: 2, input: 9038, output: 22894, cacheRead: 172855, cacheWrite: 28342, cost: 0.22 }])
  })
})
