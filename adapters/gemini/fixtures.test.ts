/**
 * Gemini fixture checks beyond engine/ingest/conformance.test.ts (which compares every case with its
 * hand-computed `expected.json` and golden events): a second read adds nothing, and a case may add
 * `expected.env.json`: the same home read with the agent's environment variables set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { geminiAdapter, geminiLegacyAdapter } from './index.ts'

const casesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'gemini')
const TOKEN_COLUMNS = 'sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite5m, sum(cache_write_1h) AS cacheWrite1h, sum(reasoning) AS reasoning'

interface Expected {
  requests: number
  tokens: Record<string, number>
  byModel: Record<string, { requests: number; tokens: Record<string, number> }>
  env?: Record<string, string>
}

const cases = readdirSync(casesDir)
  .filter((c) => existsSync(join(casesDir, c, 'expected.json')))
  .map((name) => ({ name, dir: join(casesDir, name) }))

function ingest(home: string, env: Record<string, string> = {}) {
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const absEnv = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, join(home, v)]))
  runIngest(ledger, [geminiAdapter, geminiLegacyAdapter], { home, env: absEnv, platform: 'linux' }, { now: () => 0 })
  return ledger.db
}

function totals(db: ReturnType<typeof ingest>) {
  const { requests, ...tokens } = db.prepare(`SELECT count(*) AS requests, ${TOKEN_COLUMNS} FROM events`).get() as Record<string, number | null>
  const rows = db.prepare(`SELECT model_raw, count(*) AS requests, ${TOKEN_COLUMNS} FROM events GROUP BY model_raw`).all() as Array<Record<string, number | string>>
  return {
    requests,
    tokens: Object.fromEntries(Object.entries(tokens).map(([k, v]) => [k, v ?? 0])),
    byModel: Object.fromEntries(rows.map(({ model_raw, requests: n, ...t }) => [model_raw, { requests: n, tokens: t }])),
  }
}

const read = (path: string): Expected => JSON.parse(readFileSync(path, 'utf8')) as Expected

it('has the fixture cases the issue asks for', () => {
  expect(cases.map((c) => c.name).sort()).toEqual([
    'basic',
    'gemini-cli-home',
    'ignored-files',
    'input-excludes-cached',
    'legacy-json',
    'repeated-ids',
    'resumed-legacy',
    'rewind',
    'set-checkpoint',
    'subagent',
    'torn-last-line',
  ])
})

describe.each(cases)('fixture gemini/$name', ({ dir }) => {
  const home = join(dir, 'home')
  const db = ingest(home)

  it('gives the same totals when read a second time (nothing is added)', () => {
    const ledger = new LedgerWriter(openLedger(':memory:'))
    const ctx = { home, env: {}, platform: 'linux' } as const
    runIngest(ledger, [geminiAdapter, geminiLegacyAdapter], ctx, { now: () => 0 })
    const again = runIngest(ledger, [geminiAdapter, geminiLegacyAdapter], ctx, { now: () => 1 })
    expect([again.newEvents, totals(ledger.db)]).toEqual([0, totals(db)])
  })
})

const envCases = cases.filter((c) => existsSync(join(c.dir, 'expected.env.json')))

describe.each(envCases)('fixture gemini/$name with its environment', ({ dir }) => {
  it('has the hand-computed totals of expected.env.json', () => {
    const { env, requests, tokens, byModel } = read(join(dir, 'expected.env.json'))
    expect(totals(ingest(join(dir, 'home'), env))).toEqual({ requests, tokens, byModel })
  })
})
