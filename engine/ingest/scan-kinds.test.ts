import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { DatabaseAdapter, DiscoveryContext, ParseResult, WholeFileAdapter } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import { LedgerWriter } from '../store/ledger-writer.ts'
import { openLedger } from '../store/open-ledger.ts'
import { runIngest } from './ingest-run.ts'

function event(id: string, output: number, path: string, account: string): UsageEvent {
  return {
    eventTs: Date.UTC(2026, 10, 20, 12), provider: 'amp', modelRaw: 'test-model', sessionId: 's', requestId: null, messageId: null, isSidechain: false,
    project: null, account, tokens: { input: 1, output, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 }, vendorCostUsd: null,
    dedupeKey: `t:${id}`, sourcePath: path, sourceOffset: 0, parserVersion: 1,
  }
}

/** A whole-file source: a JSON array of {id, out}. */
const wholeAdapter: WholeFileAdapter<null> = {
  kind: 'whole-file', provider: 'amp', parserVersion: 1,
  roots: (ctx) => [{ dir: join(ctx.home, 'threads'), account: 'a' }],
  isSourceFile: (rel) => rel.endsWith('.json'),
  initialState: () => null,
  parseFile(bytes, file): ParseResult<null> {
    try {
      const items = JSON.parse(Buffer.from(bytes).toString('utf8')) as { id: string; out: number }[]
      return { events: items.map((i) => event(i.id, i.out, file.path, file.root.account)), limits: [], skips: {}, state: null }
    } catch {
      return { events: [], limits: [], skips: { 'malformed-file': 1 }, state: null }
    }
  },
}

/** A database source: rows of table `usage(id INTEGER PRIMARY KEY, out)`, read past a rowid cursor. */
const dbAdapter: DatabaseAdapter<{ after: number }> = {
  kind: 'database', provider: 'opencode', parserVersion: 1, sidecarSuffixes: ['-wal'],
  roots: (ctx) => [{ dir: join(ctx.home, 'data'), account: 'd' }],
  isSourceFile: (rel) => rel === 'agent.db',
  initialState: () => ({ after: 0 }),
  readDatabase(db, file, state) {
    const rows = db.all('SELECT id, out FROM usage WHERE id > ? ORDER BY id', state.after) as { id: number; out: number }[]
    return { events: rows.map((r) => event(`db${r.id}`, r.out, file.path, 'd')), limits: [], skips: {}, state: { after: rows.at(-1)?.id ?? state.after } }
  },
}

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'tl-kinds-'))
  mkdirSync(join(home, 'threads'))
  mkdirSync(join(home, 'data'))
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const ctx: DiscoveryContext = { home, env: {}, platform: 'linux' }
  const ingest = () => runIngest(ledger, [wholeAdapter, dbAdapter], ctx)
  const totals = () => ledger.db.prepare('SELECT count(*) AS events, coalesce(sum(output), 0) AS output FROM events').get()
  return { home, ingest, totals, ledger }
}

describe('whole-file sources', () => {
  it('re-reads a rewritten file and keeps each request once', () => {
    const t = setup()
    writeFileSync(join(t.home, 'threads', 'T-1.json'), JSON.stringify([{ id: 'a', out: 10 }]))
    t.ingest()
    writeFileSync(join(t.home, 'threads', 'T-1.json'), JSON.stringify([{ id: 'a', out: 10 }, { id: 'b', out: 20 }]))
    t.ingest()
    expect(t.totals()).toEqual({ events: 2, output: 30 })
  })

  it('counts a torn (half-rewritten) file as a skip and recovers on the next write', () => {
    const t = setup()
    writeFileSync(join(t.home, 'threads', 'T-1.json'), '[{"id":"a","ou')
    t.ingest()
    expect(t.ledger.checkpoints.get(join(t.home, 'threads', 'T-1.json'))?.skipped).toEqual({ 'malformed-file': 1 })
    writeFileSync(join(t.home, 'threads', 'T-1.json'), JSON.stringify([{ id: 'a', out: 10 }]))
    t.ingest()
    expect(t.totals()).toEqual({ events: 1, output: 10 })
  })
})

describe('database sources', () => {
  it('sees rows that exist only in the WAL, and reads only new rows after that', () => {
    const t = setup()
    const agentDb = new Database(join(t.home, 'data', 'agent.db'))
    agentDb.pragma('journal_mode = WAL')
    agentDb.pragma('wal_autocheckpoint = 0') // keep every row in the -wal file, as a busy agent does
    agentDb.exec('CREATE TABLE usage (id INTEGER PRIMARY KEY, out INTEGER)')
    agentDb.prepare('INSERT INTO usage (out) VALUES (?), (?)').run(10, 20)
    t.ingest()
    expect(t.totals()).toEqual({ events: 2, output: 30 })
    agentDb.prepare('INSERT INTO usage (out) VALUES (?)').run(5)
    const second = t.ingest()
    expect(second.newEvents).toBe(1)
    expect(t.totals()).toEqual({ events: 3, output: 35 })
    expect(t.ingest().newEvents).toBe(0)
    agentDb.close()
  })

  it('reports a file that is not a database as an error and keeps going', () => {
    const t = setup()
    writeFileSync(join(t.home, 'data', 'agent.db'), 'not a database, just text long enough to fill a header page…')
    writeFileSync(join(t.home, 'threads', 'T-1.json'), JSON.stringify([{ id: 'a', out: 10 }]))
    const s = t.ingest()
    expect(s.errors.map((e) => e.error)).toEqual([expect.stringMatching(/cannot read database/)])
    expect(t.totals()).toEqual({ events: 1, output: 10 })
  })
})
