/**
 * Fixture conformance: every `fixtures/<agent>/<case>/home` is ingested through the REAL engine (real
 * adapters, real SQLite ledger with its global dedupe) and compared with the case's hand-computed
 * `expected.json`, and with a golden normalized event list (`events.golden.jsonl`, reviewed and
 * committed; regenerate with `npx vitest run engine/ingest/conformance.test.ts -u`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ADAPTERS } from '../../adapters/index.ts'
import { LedgerWriter } from '../store/ledger-writer.ts'
import { openLedger } from '../store/open-ledger.ts'
import { applyFixtureMtimes } from './fixture-mtimes.ts'
import { runIngest } from './ingest-run.ts'

const fixturesDir = join(import.meta.dirname, '..', '..', 'fixtures')
const TOKEN_COLUMNS = 'sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite5m, sum(cache_write_1h) AS cacheWrite1h, sum(reasoning) AS reasoning'

interface Expected {
  requests: number
  tokens: Record<string, number>
  byModel: Record<string, { requests: number; tokens: Record<string, number> }>
  limits?: number
}

// Fixture folders are named by provider id; only agents with a registered adapter are checked.
const agents = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && ADAPTERS.some((a) => a.provider === d.name))
  .map((d) => d.name)
const cases = agents.flatMap((agent) =>
  existsSync(join(fixturesDir, agent))
    ? readdirSync(join(fixturesDir, agent))
        .filter((c) => existsSync(join(fixturesDir, agent, c, 'expected.json')))
        .map((c) => ({ agent, name: c, dir: join(fixturesDir, agent, c) }))
    : [],
)

function ingestCase(dir: string) {
  applyFixtureMtimes(dir) // git keeps no mtimes; sources dated by mtime (Droid) need the case's own
  const home = join(dir, 'home')
  const ledger = new LedgerWriter(openLedger(':memory:'))
  runIngest(ledger, ADAPTERS, { home, env: {}, platform: 'linux' }, { now: () => 0 })
  return { db: ledger.db, home }
}

describe.each(cases)('fixture $agent/$name', ({ dir }) => {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
  const { db, home } = ingestCase(dir)

  it('has the hand-computed request count and token totals', () => {
    const row = db.prepare(`SELECT count(*) AS requests, ${TOKEN_COLUMNS} FROM events`).get() as Record<string, number | null>
    const { requests, ...tokens } = row
    expect(requests).toBe(expected.requests)
    expect(Object.fromEntries(Object.entries(tokens).map(([k, v]) => [k, v ?? 0]))).toEqual(expected.tokens)
  })

  it('has the hand-computed totals per model', () => {
    const rows = db.prepare(`SELECT model_raw, count(*) AS requests, ${TOKEN_COLUMNS} FROM events GROUP BY model_raw`).all() as Array<Record<string, number | string>>
    const byModel = Object.fromEntries(rows.map(({ model_raw, requests, ...tokens }) => [model_raw, { requests, tokens }]))
    expect(byModel).toEqual(expected.byModel)
  })

  it('keeps rollups equal to the events', () => {
    const events = db.prepare(`SELECT count(*) AS requests, ${TOKEN_COLUMNS} FROM events`).get()
    const rollups = db.prepare(`SELECT coalesce(sum(requests), 0) AS requests, ${TOKEN_COLUMNS} FROM rollup_q15`).get()
    const sessions = db.prepare(`SELECT coalesce(sum(requests), 0) AS requests, ${TOKEN_COLUMNS} FROM session_rollup`).get()
    expect(rollups).toEqual(events)
    expect(sessions).toEqual(events)
  })

  it('keeps quota readings exactly when the log has them (the newest of each window per read)', () => {
    const n = (db.prepare('SELECT count(*) AS n FROM limit_readings').get() as { n: number }).n
    expect(n > 0).toBe((expected.limits ?? 0) > 0)
    expect(n).toBeLessThanOrEqual(expected.limits ?? 0)
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

describe('fixture codex/info-null-and-rate-limits quota windows', () => {
  it('keeps the newest reading of each window, with reset times in ms', () => {
    const { db } = ingestCase(join(fixturesDir, 'codex', 'info-null-and-rate-limits'))
    const rows = db
      .prepare(
        `SELECT window_id, used_percent, window_minutes, resets_at, plan_type FROM limit_readings l
         WHERE observed_ts = (SELECT max(observed_ts) FROM limit_readings m WHERE m.window_id = l.window_id) ORDER BY window_id`,
      )
      .all()
    expect(rows).toEqual([
      { window_id: 'primary', used_percent: 36, window_minutes: 300, resets_at: 1795180800000, plan_type: 'plus' },
      { window_id: 'secondary', used_percent: 45, window_minutes: 10080, resets_at: 1795651200000, plan_type: 'plus' },
    ])
  })
})
