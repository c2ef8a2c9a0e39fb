/**
 * The OpenCode adapters through the REAL engine and ledger: rows that live only in the WAL, a database
 * and legacy files read while OpenCode writes them, forks and legacy copies counted once.
 */
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { discover } from '../../engine/ingest/discover.ts'
import { opencodeAdapter, opencodeLegacyAdapter } from './index.ts'
import { LegacyStore, OpencodeTestDb, tok, type AssistantSpec } from './test-db.ts'
import { fakeHome, OPENCODE_ADAPTERS } from './test-ledger.ts'

const T0 = Date.UTC(2026, 10, 21, 14, 0, 0)
const STEP_TOKENS = [tok(10, 100, 0, 1_000, 500), tok(20, 200, 0, 2_000, 0), tok(30, 300, 0, 3_000, 0)]
const STEP_COSTS = [0.01, 0.02, 0.03]
/** The three steps summed: what a correct reader reports for the turn. */
const TURN = { requests: 3, input: 60, output: 600, cacheRead: 6_000, cacheWrite5m: 500, reasoning: 0, cost: 0.06 }

function spec(steps: number): AssistantSpec {
  return { created: T0 + 1_000, cost: STEP_COSTS.slice(0, steps).reduce((a, b) => a + b, 0), tokens: STEP_TOKENS[steps - 1]!, ...(steps === 3 ? { completed: T0 + 9_000 } : {}) }
}

describe('a live OpenCode database', () => {
  it('sees rows that exist only in opencode.db-wal, then reads only what is new', () => {
    const t = fakeHome()
    const w = new OpencodeTestDb(join(t.data, 'opencode.db'), { wal: true })
    w.db.pragma('wal_autocheckpoint = 0') // every row stays in the -wal file, as with a busy OpenCode
    const s = w.session(T0)
    const u = w.user(s, T0)
    const m = w.assistant(s, u, spec(1))
    w.stepFinish(m, s, T0 + 2_000, STEP_COSTS[0]!, STEP_TOKENS[0]!)
    copyFileSync(join(t.data, 'opencode.db'), join(t.home, 'main-file-only.db'))
    const mainOnly = new Database(join(t.home, 'main-file-only.db'), { readonly: true })
    expect(mainOnly.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'part'").get()).toEqual({ n: 0 })
    mainOnly.close()

    t.ingest()
    expect(t.totals()).toMatchObject({ requests: 1, output: 100 })
    w.stepFinish(m, s, T0 + 3_000, STEP_COSTS[1]!, STEP_TOKENS[1]!)
    expect(t.ingest().newEvents).toBe(1)
    expect(t.ingest().newEvents).toBe(0)
    expect(t.totals()).toMatchObject({ requests: 2, output: 300 })
    w.close()
  })

  it('gives the same totals when read mid-turn and again at the end as one clean read', () => {
    const live = fakeHome()
    const w = new OpencodeTestDb(join(live.data, 'opencode.db'), { wal: true })
    const s = w.session(T0)
    const u = w.user(s, T0)
    const m = w.assistant(s, u, { ...spec(1), tokens: tok(0, 0), cost: 0 }) // just created: zero tokens
    w.stepStart(m, s, T0 + 1_500)
    live.ingest()
    for (const i of [0, 1, 2]) {
      w.stepFinish(m, s, T0 + 2_000 + i, STEP_COSTS[i]!, STEP_TOKENS[i]!)
      w.updateAssistant(m, u, spec(i + 1)) // the row is rewritten with the latest step's tokens
      live.ingest()
    }
    w.close()
    const clean = fakeHome()
    copyFileSync(join(live.data, 'opencode.db'), join(clean.data, 'opencode.db'))
    clean.ingest()
    expect(live.totals()).toEqual(TURN)
    expect(clean.totals()).toEqual(TURN)
  })

  it('drops a message counted from its row once step parts for it appear (a late sync of its parts)', () => {
    const t = fakeHome()
    const w = new OpencodeTestDb(join(t.data, 'opencode.db'), { wal: true })
    const s = w.session(T0)
    const m = w.assistant(s, w.user(s, T0), spec(3))
    t.ingest()
    expect(t.totals()).toMatchObject({ requests: 1, output: 300 })
    STEP_TOKENS.forEach((tk, i) => w.stepFinish(m, s, T0 + 2_000 + i, STEP_COSTS[i]!, tk))
    t.ingest()
    w.close()
    expect(t.totals()).toEqual(TURN)
  })

  it('counts a forked session’s copied messages once', () => {
    const t = fakeHome()
    const w = new OpencodeTestDb(join(t.data, 'opencode.db'))
    const s = w.session(T0)
    const m = w.assistant(s, w.user(s, T0), spec(3))
    STEP_TOKENS.forEach((tk, i) => w.stepFinish(m, s, T0 + 2_000 + i, STEP_COSTS[i]!, tk))
    t.ingest()
    w.fork(s, T0 + 3_600_000)
    t.ingest()
    w.close()
    expect(t.totals()).toEqual(TURN)
  })
})

describe('the legacy JSON store next to the database', () => {
  /** A multi-step message in legacy JSON (last step's tokens) and its migrated copy in the DB, with parts. */
  function migrated(t: ReturnType<typeof fakeHome>, withDb: boolean) {
    const legacy = new LegacyStore(t.data)
    // Without the DB, it is built outside the data dir, to be moved in later (an upgrade to OpenCode 1.2).
    const w = new OpencodeTestDb(withDb ? join(t.data, 'opencode.db') : join(t.home, 'staged.db'))
    const s = w.session(T0)
    const u = w.user(s, T0)
    const m = w.assistant(s, u, spec(3))
    legacy.user(u, s, T0)
    legacy.assistant(m, s, u, spec(3))
    STEP_TOKENS.forEach((tk, i) => legacy.stepFinish(w.stepFinish(m, s, T0 + 2_000 + i, STEP_COSTS[i]!, tk), m, s, STEP_COSTS[i]!, tk))
    w.close()
    return legacy
  }

  it('counts a message found in both stores once, from the DB’s steps', () => {
    const t = fakeHome()
    migrated(t, true)
    t.ingest()
    expect(t.totals()).toEqual(TURN)
  })

  it('replaces a legacy message counted first with the DB’s steps when the DB appears later', () => {
    const t = fakeHome()
    migrated(t, false)
    t.ingest()
    expect(t.totals()).toEqual({ requests: 1, input: 30, output: 300, cacheRead: 3_000, cacheWrite5m: 0, reasoning: 0, cost: 0.06 })
    copyFileSync(join(t.home, 'staged.db'), join(t.data, 'opencode.db'))
    t.ingest()
    expect(t.totals()).toEqual(TURN)
  })

  it('counts a torn (half-written) message file as a skip and recovers on the next write', () => {
    const t = fakeHome()
    const legacy = new LegacyStore(t.data)
    const file = join(legacy.root, 'message', 'ses_a', 'msg_a.json')
    legacy.write('message', 'ses_a', 'msg_a', '{"id":"msg_a","role":"assistant","time":{"crea')
    t.ingest()
    expect(t.ledger.checkpoints.get(file)?.skipped).toEqual({ 'malformed-json': 1 })
    legacy.assistant('msg_a', 'ses_a', 'msg_u', { created: T0, completed: T0 + 5, cost: 0.01, tokens: tok(10, 20) })
    t.ingest()
    t.ingest()
    expect(t.totals()).toMatchObject({ requests: 1, input: 10, output: 20 })
  })
})

describe('credentials', () => {
  it('never lists auth.json (or any non-database file) as a source', () => {
    const t = fakeHome()
    writeFileSync(join(t.data, 'auth.json'), '{"anthropic":{"type":"api","key":"fixture-not-a-key"}}')
    new OpencodeTestDb(join(t.data, 'opencode.db')).close()
    const files = discover(OPENCODE_ADAPTERS, t.ctx).files.map((f) => f.file.path)
    expect(files).toEqual([join(t.data, 'opencode.db')])
    expect([opencodeAdapter.isSourceFile('auth.json'), opencodeLegacyAdapter.isSourceFile('auth.json')]).toEqual([false, false])
  })
})
