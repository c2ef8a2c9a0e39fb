/**
 * `readCursorActivity` against a real SQLite `state.vscdb` built the way Cursor lays it out (ItemTable and
 * cursorDiskKV, JSON values in a BLOB column). Fake credentials and fake prompt text are planted; a spy
 * around the read-only query function records every SQL string and every value returned, and proves that
 * ItemTable is never named and nothing planted ever comes back.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ReadOnlyDatabase } from '../../common/adapter-contract.ts'
import { readCursorActivity } from './vscdb-activity.ts'

const dirs: string[] = []
const open: Database.Database[] = []
afterAll(() => {
  for (const db of open) db.close()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const ms = (iso: string): number => Date.parse(iso)
const SINCE = ms('2026-02-01T00:00:00.000Z')
const PLANTED = ['planted-secret-access', 'planted-secret-refresh', 'planted@example.com', 'planted-prompt-text', 'planted-response-text', 'planted-model-blob']

type Kv = Array<[string, unknown]>

const COMPOSERS: Kv = [
  ['composerData:c1', { createdAt: ms('2026-03-01T10:00:00Z'), lastUpdatedAt: ms('2026-03-01T11:00:00Z'), modelConfig: { modelName: 'claude-4.5-sonnet-thinking', maxMode: false }, text: 'planted-prompt-text' }],
  ['composerData:c2', { createdAt: ms('2026-03-02T09:00:00Z'), modelConfig: { modelName: 'default' } }],
  ['composerData:c3', { createdAt: ms('2026-01-10T09:00:00Z'), lastUpdatedAt: ms('2026-03-03T12:00:00Z'), modelConfig: { modelName: { nested: 'planted-model-blob' } } }],
  ['composerData:c-old', { createdAt: ms('2025-01-01T09:00:00Z'), lastUpdatedAt: ms('2025-01-02T09:00:00Z'), modelConfig: { modelName: 'gpt-4o' } }],
  ['composerData:c-bad', '{"createdAt": 17'],
  ['composerData:c-notime', { modelConfig: { modelName: 'auto' } }],
]

const BUBBLES: Kv = [
  ['bubbleId:c1:b1', { type: 1, createdAt: '2026-03-01T10:00:05.000Z', text: 'planted-prompt-text', modelInfo: { modelName: 'default' } }],
  ['bubbleId:c1:b2', { type: 2, createdAt: '2026-03-01T10:00:40.000Z', tokenCount: { inputTokens: 1200, outputTokens: 300 }, text: 'planted-response-text' }],
  ['bubbleId:c1:b3', { type: 1, createdAt: '2026-03-01T10:20:00.000Z', text: 'planted-prompt-text' }],
  ['bubbleId:c1:b4', { type: 2, createdAt: '2026-03-01T10:21:00.000Z', tokenCount: { inputTokens: 0, outputTokens: 0 } }],
  ['bubbleId:c1:b5', '{"type": 2, "createdAt": "2026-03'],
  ['bubbleId:c1:b6', { type: 2, text: 'planted-response-text' }],
  ['bubbleId:c2:b1', { type: 1, createdAt: ms('2026-03-02T09:00:30Z') }],
  ['bubbleId:c2:b2', { type: 30, createdAt: '2026-03-02T09:01:00.000Z' }],
  ['bubbleId:c-old:b1', { type: 1, createdAt: '2025-01-01T09:00:00.000Z' }],
  // Key-range neighbours of c1: `c10` sorts right before `c1:`, `c1;` right after it.
  ['bubbleId:c10:b1', { type: 1, createdAt: '2026-03-01T10:00:00.000Z' }],
]

const AUTH: Kv = [
  ['cursorAuth/accessToken', 'planted-secret-access'],
  ['cursorAuth/refreshToken', 'planted-secret-refresh'],
  ['cursorAuth/cachedEmail', 'planted@example.com'],
  ['cursorAuth/stripeMembershipType', 'pro'],
]

/** A state.vscdb in WAL mode, as Cursor keeps it while running. Values are JSON text in a BLOB column (some as real BLOBs). */
function buildStateDb(rows: Kv = [...COMPOSERS, ...BUBBLES]): { path: string; writer: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'tl-vscdb-'))
  dirs.push(dir)
  const path = join(dir, 'state.vscdb')
  const writer = new Database(path)
  open.push(writer)
  writer.pragma('journal_mode = WAL')
  writer.exec('CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB); CREATE TABLE cursorDiskKV (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)')
  const item = writer.prepare('INSERT INTO ItemTable VALUES (?, ?)')
  for (const [k, v] of AUTH) item.run(k, v)
  put(writer, rows)
  return { path, writer }
}

function put(db: Database.Database, rows: Kv): void {
  const kv = db.prepare('INSERT INTO cursorDiskKV VALUES (?, ?)')
  rows.forEach(([k, v], i) => {
    const text = typeof v === 'string' ? v : JSON.stringify(v)
    kv.run(k, i % 2 === 0 ? text : Buffer.from(text))
  })
}

interface Spy {
  readonly db: ReadOnlyDatabase
  readonly sql: string[]
  readonly params: unknown[]
  readonly returned: unknown[]
}

/** Opens the file read-only (as the engine does) behind a spy that records every query and result. */
function spyOn(path: string): Spy {
  const conn = new Database(path, { readonly: true, fileMustExist: true })
  open.push(conn)
  const spy = { sql: [] as string[], params: [] as unknown[], returned: [] as unknown[] }
  const db: ReadOnlyDatabase = {
    all(sql, ...params) {
      spy.sql.push(sql)
      spy.params.push(...params)
      const rows = conn.prepare(sql).all(...params) as Record<string, unknown>[]
      spy.returned.push(...rows)
      return rows
    },
  }
  return { ...spy, db }
}

describe('readCursorActivity', () => {
  const { path, writer } = buildStateDb()
  const spy = spyOn(path)
  const activity = readCursorActivity(spy.db, SINCE)

  it('counts conversations active since the given instant, by selected model', () => {
    expect([activity.conversations, activity.models]).toEqual([
      3,
      [
        { model: 'claude-4.5-sonnet-thinking', conversations: 1 },
        { model: 'default', conversations: 1 },
        { model: 'unknown', conversations: 1 },
      ],
    ])
  })

  it('counts user and assistant turns per UTC quarter hour', () => {
    expect(activity.turns.map((b) => ({ ...b, startMs: new Date(b.startMs).toISOString() }))).toEqual([
      { startMs: '2026-03-01T10:00:00.000Z', user: 1, assistant: 1 },
      { startMs: '2026-03-01T10:15:00.000Z', user: 1, assistant: 1 },
      { startMs: '2026-03-02T09:00:00.000Z', user: 1, assistant: 0 },
    ])
  })

  it('spans the first to the last quarter hour with a turn', () => {
    expect([activity.firstAt, activity.lastAt].map((t) => new Date(t!).toISOString())).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-02T09:15:00.000Z'])
  })

  it("keeps the client's own token counts apart, as an estimate (one turn of four had any)", () => {
    expect(activity.clientReported).toEqual({ turnsWithCounts: 1, input: 1200, output: 300 })
  })

  it('counts unreadable rows by reason instead of failing', () => {
    expect(activity.skips).toEqual({ 'malformed-json': 2, 'no-time': 2, 'unknown-type': 1 })
  })

  it('never names ItemTable, where Cursor keeps its auth tokens', () => {
    expect(spy.sql.filter((s) => /itemtable/i.test(s))).toEqual([])
  })

  it('only ever reads', () => {
    expect(spy.sql.filter((s) => !/^\s*SELECT\b/i.test(s))).toEqual([])
  })

  it('never returns a planted secret, prompt, response or nested object', () => {
    const returned = JSON.stringify(spy.returned)
    expect(PLANTED.filter((p) => returned.includes(p))).toEqual([])
  })

  it("does not read the turns of conversations idle since before the given instant", () => {
    expect(spy.params.filter((p) => String(p).includes('c-old'))).toEqual([])
  })

  it('reads a database another connection is writing: a transaction in progress is invisible until committed', () => {
    writer.exec('BEGIN')
    put(writer, [['bubbleId:c2:b9', { type: 2, createdAt: '2026-03-02T09:05:00.000Z' }]])
    const during = readCursorActivity(spy.db, SINCE).turns.at(-1)
    writer.exec('COMMIT')
    const after = readCursorActivity(spy.db, SINCE).turns.at(-1)
    expect([during, after]).toEqual([
      { startMs: ms('2026-03-02T09:00:00Z'), user: 1, assistant: 0 },
      { startMs: ms('2026-03-02T09:00:00Z'), user: 1, assistant: 1 },
    ])
  })

  it('is empty for a database without conversations', () => {
    const empty = spyOn(buildStateDb([]).path)
    expect(readCursorActivity(empty.db, SINCE)).toEqual({ conversations: 0, turns: [], models: [], clientReported: { turnsWithCounts: 0, input: 0, output: 0 }, firstAt: null, lastAt: null, skips: {} })
  })

  it('does not parse a value larger than 32 MiB', () => {
    const big = spyOn(buildStateDb([['composerData:huge', JSON.stringify({ createdAt: ms('2026-03-01T10:00:00Z'), pad: 'x'.repeat(33 * 1024 * 1024) })]]).path)
    expect(readCursorActivity(big.db, SINCE)).toMatchObject({ conversations: 0, skips: { 'too-large': 1 } })
  })
})
