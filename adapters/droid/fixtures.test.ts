/**
 * Droid fixture conformance, as engine/ingest/conformance.test.ts does it (real adapter, real SQLite ledger
 * with running-total baselines), before the adapter is registered: every `fixtures/droid/<case>/home` is
 * ingested and compared with its hand-computed `expected.json` and golden `events.golden.jsonl`. File
 * mtimes come from `mtimes.json` (a Droid total is dated by when its file was written).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { applyFixtureMtimes } from '../../engine/ingest/fixture-mtimes.ts'
import { droidAdapter } from './index.ts'

const casesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'droid')
const TOKEN_COLUMNS = 'sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite5m, sum(cache_write_1h) AS cacheWrite1h, sum(reasoning) AS reasoning'

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
  const { db, home, summary } = ingestCase(dir)

  it('reads without errors', () => {
    expect(summary.errors).toEqual([])
  })

  it('has the hand-computed request count and token totals', () => {
    const { requests, ...tokens } = db.prepare(`SELECT count(*) AS requests, ${TOKEN_COLUMNS} FROM events`).get() as Record<string, number | null>
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

  it('adds nothing when read again', () => {
    const ledger = new LedgerWriter(openLedger(':memory:'))
    const ctx = { home, env: {}, platform: 'linux' } as const
    runIngest(ledger, [droidAdapter], ctx, { now: () => 0 })
    // A parser-version bump would re-read every file: the baselines must absorb it too.
    ledger.db.prepare('UPDATE source_files SET parser_version = -1').run()
    runIngest(ledger, [droidAdapter], ctx, { now: () => 0 })
    expect(ledger.db.prepare('SELECT count(*) AS requests FROM events').get()).toEqual({ requests: expected.requests })
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
