/**
 * Fixture conformance for OpenCode, mirroring engine/ingest/conformance.test.ts with the OpenCode adapters
 * (until they are registered in adapters/index.ts): every `fixtures/opencode/<case>/home` goes through the
 * REAL engine and ledger and is compared with the case's hand-computed `expected.json`, its skip counts,
 * and the golden normalized events (`events.golden.jsonl`, regenerate with `-u`).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { OPENCODE_ADAPTERS } from './test-ledger.ts'

const casesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'opencode')
const TOKEN_COLUMNS = 'sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite5m, sum(cache_write_1h) AS cacheWrite1h, sum(reasoning) AS reasoning'

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
  const { ledger, db, home, summary } = ingestCase(dir)

  it('reads every source without an error', () => {
    expect(summary.errors).toEqual([])
  })

  it('has the hand-computed request count and token totals', () => {
    const row = db.prepare(`SELECT count(*) AS requests, ${TOKEN_COLUMNS} FROM events`).get() as Record<string, number | null>
    const { requests, ...tokens } = row
    expect(requests).toBe(expected.requests)
    expect(Object.fromEntries(Object.entries(tokens).map(([k, v]) => [k, v ?? 0]))).toEqual(expected.tokens)
  })

  it('has the hand-computed totals per model', () => {
    const rows = db.prepare(`SELECT model_raw, count(*) AS requests, ${TOKEN_COLUMNS} FROM events GROUP BY model_raw`).all() as Array<Record<string, number | string>>
    expect(Object.fromEntries(rows.map(({ model_raw, requests, ...tokens }) => [model_raw, { requests, tokens }]))).toEqual(expected.byModel)
  })

  it('counts the expected skips', () => {
    const skipped: Record<string, number> = {}
    for (const cp of ledger.checkpoints.all()) for (const [reason, n] of Object.entries(cp.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n
    expect(skipped).toEqual(expected.skips)
  })

  it('keeps rollups equal to the events', () => {
    const events = db.prepare(`SELECT count(*) AS requests, ${TOKEN_COLUMNS} FROM events`).get()
    expect(db.prepare(`SELECT coalesce(sum(requests), 0) AS requests, ${TOKEN_COLUMNS} FROM rollup_q15`).get()).toEqual(events)
    expect(db.prepare(`SELECT coalesce(sum(requests), 0) AS requests, ${TOKEN_COLUMNS} FROM session_rollup`).get()).toEqual(events)
  })

  it('adds nothing when read again', () => {
    expect(runIngest(ledger, OPENCODE_ADAPTERS, { home, env: {}, platform: 'linux' }, { now: () => 0 }).newEvents).toBe(0)
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
