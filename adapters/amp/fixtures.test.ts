/**
 * Amp fixture checks beyond engine/ingest/conformance.test.ts (which compares every case with its
 * hand-computed `expected.json` and golden events): each case reads without errors, and a case with
 * `before/` (an earlier state of the same files) read in two steps, before/ then home/, gives the same
 * totals as one read of home/.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { ampAdapter } from './index.ts'

const casesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'amp')
const TOKEN_COLUMNS = 'sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite5m, sum(cache_write_1h) AS cacheWrite1h, sum(reasoning) AS reasoning'


const cases = readdirSync(casesDir).map((name) => ({ name, dir: join(casesDir, name) }))
const staged = cases.filter((c) => existsSync(join(c.dir, 'before')))
const ctxOf = (home: string): DiscoveryContext => ({ home, env: {}, platform: 'linux' })

function ingestHome(home: string) {
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const summary = runIngest(ledger, [ampAdapter], ctxOf(home), { now: () => 0 })
  return { db: ledger.db, summary }
}

function totalsOf(db: LedgerWriter['db']): Record<string, number | null> {
  return db.prepare(`SELECT count(*) AS requests, ${TOKEN_COLUMNS} FROM events`).get() as Record<string, number | null>
}

describe.each(cases)('fixture amp/$name', ({ dir }) => {
  const { summary } = ingestHome(join(dir, 'home'))

  it('reads without errors', () => {
    expect(summary.errors).toEqual([])
  })
})

describe.each(staged)('fixture amp/$name read in two steps', ({ dir }) => {
  it('before/ then home/ (the same files rewritten) totals the same as one read of home/', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tl-amp-staged-'))
    const ledger = new LedgerWriter(openLedger(':memory:'))
    const step = (from: string, mtime: Date): void => {
      cpSync(from, tmp, { recursive: true })
      for (const f of readdirSync(tmp, { recursive: true, withFileTypes: true })) if (f.isFile()) utimesSync(join(f.parentPath, f.name), mtime, mtime)
      runIngest(ledger, [ampAdapter], ctxOf(tmp), { now: () => 0 })
    }
    step(join(dir, 'before'), new Date('2026-01-01T00:00:00Z'))
    step(join(dir, 'home'), new Date('2026-01-02T00:00:00Z'))
    expect(totalsOf(ledger.db)).toEqual(totalsOf(ingestHome(join(dir, 'home')).db))
  })
})
