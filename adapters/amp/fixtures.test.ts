/**
 * Amp fixture conformance, as engine/ingest/conformance.test.ts does it (real adapter, real SQLite ledger),
 * before the adapter is registered: every `fixtures/amp/<case>/home` is ingested and compared with its
 * hand-computed `expected.json` and golden `events.golden.jsonl`. A case with `before/` (an earlier state of
 * the same files) is also read in two steps, before/ then home/, which must give the same totals.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { ampAdapter } from './index.ts'

const casesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'amp')
const TOKEN_COLUMNS = 'sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite5m, sum(cache_write_1h) AS cacheWrite1h, sum(reasoning) AS reasoning'

interface Expected {
  requests: number
  tokens: Record<string, number>
  byModel: Record<string, { requests: number; tokens: Record<string, number> }>
}

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
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
  const home = join(dir, 'home')
  const { db, summary } = ingestHome(home)

  it('reads without errors', () => {
    expect(summary.errors).toEqual([])
  })

  it('has the hand-computed request count and token totals', () => {
    const { requests, ...tokens } = totalsOf(db)
    expect(requests).toBe(expected.requests)
    expect(Object.fromEntries(Object.entries(tokens).map(([k, v]) => [k, v ?? 0]))).toEqual(expected.tokens)
  })

  it('has the hand-computed totals per model', () => {
    const rows = db.prepare(`SELECT model_raw, count(*) AS requests, ${TOKEN_COLUMNS} FROM events GROUP BY model_raw`).all() as Array<Record<string, number | string>>
    expect(Object.fromEntries(rows.map(({ model_raw, requests, ...tokens }) => [model_raw, { requests, tokens }]))).toEqual(expected.byModel)
  })

  it('keeps rollups equal to the events', () => {
    const events = db.prepare(`SELECT count(*) AS requests, ${TOKEN_COLUMNS} FROM events`).get()
    expect(db.prepare(`SELECT coalesce(sum(requests), 0) AS requests, ${TOKEN_COLUMNS} FROM rollup_q15`).get()).toEqual(events)
    expect(db.prepare(`SELECT coalesce(sum(requests), 0) AS requests, ${TOKEN_COLUMNS} FROM session_rollup`).get()).toEqual(events)
  })

  it('matches the golden normalized events', async () => {
    const rows = db
      .prepare(
        `SELECT dedupe_key, event_ts, provider, model_raw, session_id, request_id, message_id, is_sidechain, project, account,
           input, output, cache_read, cache_write_5m, cache_write_1h, reasoning, vendor_cost_usd, source_path, source_offset, parser_version
         FROM events ORDER BY dedupe_key`,
      )
      .all() as Array<Record<string, unknown>>
    const lines = rows.map((r) =>
      JSON.stringify({
        ...r,
        event_ts: new Date(r.event_ts as number).toISOString(),
        account: relative(home, r.account as string),
        source_path: relative(home, r.source_path as string),
      }),
    )
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot(join(dir, 'events.golden.jsonl'))
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
