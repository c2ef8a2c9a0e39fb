/**
 * Cursor fixture checks beyond engine/ingest/conformance.test.ts (which compares every case with its
 * hand-computed `expected.json` and golden events): Cursor's own cost, skips by reason, re-reads and
 * rebuilds add nothing, and exports arriving one at a time give the same totals.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { cursorCsvAdapter } from './index.ts'

const casesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'cursor')
const TOKEN_COLUMNS = 'sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite5m, sum(cache_write_1h) AS cacheWrite1h, sum(reasoning) AS reasoning'
const IMPORTS = join('.tokenledger', 'imports', 'cursor')

interface Expected {
  requests: number
  tokens: Record<string, number>
  byModel: Record<string, { requests: number; tokens: Record<string, number> }>
  vendorCostUsd: number
  skipped: Record<string, number>
}

const cases = readdirSync(casesDir).map((name) => ({ name, dir: join(casesDir, name) }))

function ingestHome(home: string) {
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const summary = runIngest(ledger, [cursorCsvAdapter], { home, env: {}, platform: 'linux' }, { now: () => 0 })
  return { ledger, db: ledger.db, summary }
}

const totals = (db: LedgerWriter['db']) => db.prepare(`SELECT count(*) AS requests, ${TOKEN_COLUMNS} FROM events`).get()

describe.each(cases)('fixture cursor/$name', ({ dir }) => {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
  const home = join(dir, 'home')
  const { ledger, db, summary } = ingestHome(home)

  it('reads without errors', () => {
    expect(summary.errors).toEqual([])
  })

  it("keeps Cursor's own cost", () => {
    const { cost } = db.prepare('SELECT round(coalesce(sum(vendor_cost_usd), 0), 6) AS cost FROM events').get() as { cost: number }
    expect(cost).toBe(expected.vendorCostUsd)
  })

  it('counts every skipped row and foreign file by reason', () => {
    const skipped: Record<string, number> = {}
    for (const cp of ledger.checkpoints.all()) for (const [reason, n] of Object.entries(cp.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n
    expect(skipped).toEqual(expected.skipped)
  })

  it('adds nothing when read again, even after a rebuild re-reads every export', () => {
    const again = ingestHome(home)
    again.db.prepare('DELETE FROM source_files').run()
    runIngest(again.ledger, [cursorCsvAdapter], { home, env: {}, platform: 'linux' }, { now: () => 0 })
    expect(totals(again.db)).toEqual(totals(db))
  })

  it('gives the same totals when the exports arrive one at a time, newest first', () => {
    const files = readdirSync(join(home, IMPORTS)).sort().reverse()
    const staged = mkdtempSync(join(tmpdir(), 'tl-cursor-fx-'))
    const { ledger: l } = ingestHome(staged)
    for (const f of files) {
      cpSync(join(home, IMPORTS, f), join(staged, IMPORTS, f))
      runIngest(l, [cursorCsvAdapter], { home: staged, env: {}, platform: 'linux' }, { now: () => 0 })
    }
    const result = totals(l.db)
    rmSync(staged, { recursive: true, force: true })
    expect(result).toEqual(totals(db))
  })
})
