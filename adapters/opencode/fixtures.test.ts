/**
 * OpenCode fixture checks beyond engine/ingest/conformance.test.ts (which compares every case with its
 * hand-computed `expected.json` and golden events): every source reads without error, the skip counts are
 * the expected ones, and a second read adds nothing.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { OPENCODE_ADAPTERS } from './test-ledger.ts'

const casesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'opencode')

interface Expected {
  requests: number
  tokens: Record<string, number>
  byModel: Record<string, { requests: number; tokens: Record<string, number> }>
  skips: Record<string, number>
}

const cases = readdirSync(casesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({ name: d.name, dir: join(casesDir, d.name) }))

function ingestCase(dir: string) {
  const home = join(dir, 'home')
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const summary = runIngest(ledger, OPENCODE_ADAPTERS, { home, env: {}, platform: 'linux' }, { now: () => 0 })
  return { ledger, db: ledger.db, home, summary }
}

describe.each(cases)('fixture opencode/$name', ({ dir }) => {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
  const { ledger, home, summary } = ingestCase(dir)

  it('reads every source without an error', () => {
    expect(summary.errors).toEqual([])
  })

  it('counts the expected skips', () => {
    const skipped: Record<string, number> = {}
    for (const cp of ledger.checkpoints.all()) for (const [reason, n] of Object.entries(cp.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n
    expect(skipped).toEqual(expected.skips)
  })

  it('adds nothing when read again', () => {
    expect(runIngest(ledger, OPENCODE_ADAPTERS, { home, env: {}, platform: 'linux' }, { now: () => 0 }).newEvents).toBe(0)
  })
})
