import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EventWriter } from './event-writer.ts'
import { MIGRATIONS } from './migrations/index.ts'
import { openLedger, type Db } from './open-ledger.ts'
import { ensureRollupsCurrent, ROLLUPS_VERSION } from './rollup-rebuild.ts'
import { testEvent } from './test-events.ts'

const paths: string[] = []
afterEach(() => {
  for (const p of paths.splice(0)) rmSync(p, { force: true })
})

const day = (d: number, h: number) => Date.UTC(2026, 10, d, h)
const EVENTS = [
  testEvent({ provider: 'cursor', modelRaw: 'auto', sessionId: 'cur', dedupeKey: 'c1', messageId: null, vendorCostUsd: 0.42, eventTs: day(20, 8), tokens: { input: 10_000, output: 500, cacheRead: 0, cacheWrite1h: 0 } }),
  testEvent({ provider: 'cursor', modelRaw: 'auto', sessionId: 'cur', dedupeKey: 'c2', messageId: null, vendorCostUsd: 0.08, eventTs: day(20, 9), tokens: { input: 2_000, output: 100, cacheRead: 0, cacheWrite1h: 0 } }),
  testEvent({ dedupeKey: 'a1', messageId: 'a1', eventTs: day(21, 10), tokens: { input: 40_000, output: 1_000, cacheRead: 300_000, cacheWrite1h: 0 } }),
  testEvent({ dedupeKey: 'a2', messageId: 'a2', eventTs: day(21, 11), tokens: { input: 100, output: 20, cacheRead: 0, cacheWrite1h: 0 } }),
]

function tables(db: Db) {
  return {
    q15: db.prepare('SELECT * FROM rollup_q15 ORDER BY q15, provider, model_raw, ctx_bucket').all(),
    sessions: db.prepare('SELECT * FROM session_rollup ORDER BY provider, session_id, utc_day, ctx_bucket').all(),
  }
}

/** A ledger as TokenLedger wrote it at schema 4: rollups without session vendor cost, no rollups version. */
function ledgerAtSchema4(): string {
  const path = join(tmpdir(), `tl-rollups-${process.pid}-${Date.now()}-${paths.length}.sqlite`)
  paths.push(path, `${path}-wal`, `${path}-shm`)
  const db = new Database(path)
  for (const m of MIGRATIONS.filter((x) => x.version <= 4)) db.exec(m.sql)
  db.pragma('user_version = 4')
  const insertQ = db.prepare('INSERT INTO rollup_q15 VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)')
  const insertEvent = db.prepare(
    `INSERT INTO events (key_hash, dedupe_key, event_ts, provider, model_raw, session_id, account, project, input, output, cache_read,
       cache_write_5m, cache_write_1h, reasoning, vendor_cost_usd, source_path, source_offset, parser_version, ingested_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  )
  EVENTS.forEach((e, i) => {
    const t = e.tokens
    insertEvent.run(i + 1, e.dedupeKey, e.eventTs, e.provider, e.modelRaw, e.sessionId, e.account, e.project ?? '', t.input, t.output, t.cacheRead, t.cacheWrite5m, t.cacheWrite1h, t.reasoning, e.vendorCostUsd, e.sourcePath, e.sourceOffset, e.parserVersion, 0)
  })
  // Old rollups that disagree with the events: the re-derivation must replace them, not add to them.
  insertQ.run(1, 'claude', 'x', '', 'stale', 0, 99, 1, 1, 1, 1, 1, 1, 0)
  db.close()
  return path
}

describe('rollup re-derivation', () => {
  it('an old ledger opens with rollups equal to a fresh write of the same events, Cursor sessions carrying their charge', () => {
    const fresh = openLedger(':memory:')
    const w = new EventWriter(fresh)
    fresh.transaction(() => w.write(EVENTS, 0))()

    const upgraded = openLedger(ledgerAtSchema4())
    expect(tables(upgraded)).toEqual(tables(fresh))
    const cursor = upgraded.prepare("SELECT requests, vendor_cost_usd FROM session_rollup WHERE provider = 'cursor'").all()
    expect(cursor).toEqual([{ requests: 2, vendor_cost_usd: 0.5 }])
    expect(upgraded.prepare("SELECT sum(requests) AS n FROM rollup_q15").get()).toEqual({ n: 4 })
    upgraded.close()
  })

  it('runs once: the version is recorded, and a later open leaves the rollups alone', () => {
    const path = ledgerAtSchema4()
    openLedger(path).close()
    const db = openLedger(path)
    expect(db.prepare("SELECT value FROM meta WHERE key = 'rollups_version'").get()).toEqual({ value: ROLLUPS_VERSION })
    expect(ensureRollupsCurrent(db)).toBe(false)
    db.close()
  })

  it('a new ledger records the version without work, and keeps it through writes', () => {
    const db = openLedger(':memory:')
    expect(ensureRollupsCurrent(db)).toBe(false)
    new EventWriter(db).write(EVENTS, 0)
    expect(ensureRollupsCurrent(db)).toBe(false)
    // Claude's session split by prompt size (100 tokens, 340k tokens), then Cursor's.
    expect(tables(db).sessions.map((r) => (r as { ctx_bucket: number }).ctx_bucket)).toEqual([0, 5, 0])
  })

  it('a read-only open of an old ledger does not write (reports stay readable)', () => {
    const path = ledgerAtSchema4()
    const db = openLedger(path, { readonly: true })
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 4 })
    db.close()
  })
})
