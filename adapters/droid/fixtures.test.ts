/**
 * Droid fixture checks beyond engine/ingest/conformance.test.ts (which compares every case with its
 * hand-computed `expected.json` and golden events): every case reads without errors and a second read adds
 * nothing. File mtimes come from `mtimes.json` (a Droid total is dated by when its file was written).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { applyFixtureMtimes } from '../../engine/ingest/fixture-mtimes.ts'
import { droidAdapter } from './index.ts'

const casesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'droid')

interface Expected {
  requests: number
  tokens: Record<string, number>
  byModel: Record<string, { requests: number; tokens: Record<string, number> }>
}

const cases = readdirSync(casesDir).map((name) => ({ name, dir: join(casesDir, name) }))

function ingestCase(dir: string) {
  applyFixtureMtimes(dir)
  const home = join(dir, 'home')
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const summary = runIngest(ledger, [droidAdapter], { home, env: {}, platform: 'linux' }, { now: () => 0 })
  return { db: ledger.db, home, summary }
}

describe.each(cases)('fixture droid/$name', ({ dir }) => {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
  const { home, summary } = ingestCase(dir)

  it('reads without errors', () => {
    expect(summary.errors).toEqual([])
  })

  it('adds nothing when read again', () => {
    const ledger = new LedgerWriter(openLedger(':memory:'))
    const ctx = { home, env: {}, platform: 'linux' } as const
    runIngest(ledger, [droidAdapter], ctx, { now: () => 0 })
    // A parser-version bump would re-read every file: the baselines must absorb it too.
    ledger.db.prepare('UPDATE source_files SET parser_version = -1').run()
    runIngest(ledger, [droidAdapter], ctx, { now: () => 0 })
    expect(ledger.db.prepare('SELECT count(*) AS requests FROM events').get()).toEqual({ requests: expected.requests })
  })
})
