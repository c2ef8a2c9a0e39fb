/**
 * Test helper: writes OpenCode stores in the REAL layout — the SQLite schema of
 * `packages/opencode/src/session/session.sql.ts` (message/part rows hold the JSON without ids) and the
 * legacy JSON tree `storage/{session,message,part}/…` (files hold the JSON with ids) — with OpenCode-style
 * ids (`msg_` + 12 hex of `(ms × 4096 + counter) mod 2^48` + 14 base62). Deterministic: same calls, same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'

const SCHEMA = `
CREATE TABLE project (id text PRIMARY KEY, worktree text NOT NULL, vcs text, name text, icon_url text, icon_color text,
  time_created integer NOT NULL, time_updated integer NOT NULL, time_initialized integer, sandboxes text NOT NULL, commands text);
CREATE TABLE session (id text PRIMARY KEY, project_id text NOT NULL REFERENCES project(id) ON DELETE CASCADE, workspace_id text,
  parent_id text, slug text NOT NULL, directory text NOT NULL, title text NOT NULL, version text NOT NULL, share_url text,
  summary_additions integer, summary_deletions integer, summary_files integer, summary_diffs text, revert text, permission text,
  cost real NOT NULL DEFAULT 0, tokens_input integer NOT NULL DEFAULT 0, tokens_output integer NOT NULL DEFAULT 0,
  tokens_reasoning integer NOT NULL DEFAULT 0, tokens_cache_read integer NOT NULL DEFAULT 0, tokens_cache_write integer NOT NULL DEFAULT 0,
  time_created integer NOT NULL, time_updated integer NOT NULL, time_compacting integer, time_archived integer);
CREATE INDEX session_project_idx ON session (project_id);
CREATE INDEX session_parent_idx ON session (parent_id);
CREATE TABLE message (id text PRIMARY KEY, session_id text NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  time_created integer NOT NULL, time_updated integer NOT NULL, data text NOT NULL);
CREATE INDEX message_session_time_created_id_idx ON message (session_id, time_created, id);
CREATE TABLE part (id text PRIMARY KEY, message_id text NOT NULL REFERENCES message(id) ON DELETE CASCADE,
  session_id text NOT NULL, time_created integer NOT NULL, time_updated integer NOT NULL, data text NOT NULL);
CREATE INDEX part_message_id_id_idx ON part (message_id, id);
CREATE INDEX part_session_idx ON part (session_id);`

export interface Tokens {
  total?: number
  input: number
  output: number
  reasoning: number
  cache: { read: number; write: number }
}

/** A `tokens` object; `total` is written only when given (builds before 2026 had none). */
export function tok(input: number, output: number, reasoning = 0, read = 0, write = 0, total?: number): Tokens {
  return { ...(total === undefined ? {} : { total }), input, output, reasoning, cache: { read, write } }
}

export interface AssistantSpec {
  created: number
  completed?: number
  providerID?: string
  modelID?: string
  agent?: string
  cwd?: string
  cost: number
  tokens: Tokens
  error?: { name: string; data: { message: string } }
}

export type Json = Record<string, unknown>

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** OpenCode-style ascending ids with a seeded random tail. */
export class Ids {
  private seed: number
  private lastTs = 0
  private counter = 0

  constructor(seed = 7) {
    this.seed = seed
  }

  next(prefix: 'ses' | 'msg' | 'prt', ts: number): string {
    this.counter = ts === this.lastTs ? this.counter + 1 : 1
    this.lastTs = ts
    const n = (BigInt(ts) * 4096n + BigInt(this.counter)) % 2n ** 48n
    let tail = ''
    for (let i = 0; i < 14; i++) {
      this.seed = (this.seed * 1103515245 + 12345) % 2 ** 31
      tail += BASE62[this.seed % 62]
    }
    return `${prefix}_${n.toString(16).padStart(12, '0')}${tail}`
  }
}

/** An assistant message's JSON as OpenCode stores it (without `id`/`sessionID`, which are columns). */
export function assistantData(parentId: string, a: AssistantSpec): Json {
  return {
    role: 'assistant',
    time: { created: a.created, ...(a.completed === undefined ? {} : { completed: a.completed }) },
    parentID: parentId,
    modelID: a.modelID ?? 'claude-sonnet-4-5',
    providerID: a.providerID ?? 'anthropic',
    mode: a.agent ?? 'build',
    agent: a.agent ?? 'build',
    path: { cwd: a.cwd ?? '/home/dev/app', root: a.cwd ?? '/home/dev/app' },
    cost: a.cost,
    tokens: a.tokens,
    ...(a.error === undefined ? {} : { error: a.error }),
    ...(a.completed === undefined ? {} : { finish: 'stop' }),
  }
}

/** An `opencode.db` in the real schema. `wal: true` keeps the connection in WAL mode, as OpenCode runs it. */
export class OpencodeTestDb {
  readonly db: Database.Database
  readonly ids: Ids

  constructor(path: string, opts: { wal?: boolean; seed?: number; pageSize?: number } = {}) {
    this.db = new Database(path)
    // Committed fixtures use small pages to stay small; OpenCode's own default is 4096.
    if (opts.pageSize !== undefined) this.db.pragma(`page_size = ${opts.pageSize}`)
    this.db.pragma(opts.wal === true ? 'journal_mode = WAL' : 'journal_mode = DELETE')
    this.db.pragma('foreign_keys = ON')
    this.db.exec(SCHEMA)
    this.ids = new Ids(opts.seed)
    this.db.prepare("INSERT INTO project VALUES ('prj_test', '/home/dev/app', 'git', NULL, NULL, NULL, 1, 1, NULL, '[]', NULL)").run()
  }

  session(created: number, title = 'Fix the build', version = '1.4.0'): string {
    const id = this.ids.next('ses', created)
    this.db
      .prepare(`INSERT INTO session (id, project_id, slug, directory, title, version, time_created, time_updated) VALUES (?, 'prj_test', 'slug', '/home/dev/app', ?, ?, ?, ?)`)
      .run(id, title, version, created, created)
    return id
  }

  /** Session-level running totals (OpenCode keeps them; a reader must never add them). */
  setSessionTotals(sessionId: string, cost: number, input: number, output: number): void {
    this.db.prepare('UPDATE session SET cost = ?, tokens_input = ?, tokens_output = ? WHERE id = ?').run(cost, input, output, sessionId)
  }

  user(sessionId: string, created: number): string {
    const id = this.ids.next('msg', created)
    const data = { role: 'user', time: { created }, agent: 'build', model: { providerID: 'anthropic', modelID: 'claude-sonnet-4-5' } }
    this.insertMessage(id, sessionId, created, data)
    return id
  }

  assistant(sessionId: string, parentId: string, a: AssistantSpec): string {
    const id = this.ids.next('msg', a.created)
    this.insertMessage(id, sessionId, a.created, assistantData(parentId, a))
    return id
  }

  /** Rewrites a message's JSON in place, as OpenCode does after every step. */
  updateAssistant(messageId: string, parentId: string, a: AssistantSpec): void {
    this.db.prepare('UPDATE message SET data = ?, time_updated = ? WHERE id = ?').run(JSON.stringify(assistantData(parentId, a)), a.completed ?? a.created, messageId)
  }

  insertMessage(id: string, sessionId: string, created: number, data: Json | string): void {
    const text = typeof data === 'string' ? data : JSON.stringify(data)
    this.db.prepare('INSERT INTO message (id, session_id, time_created, time_updated, data) VALUES (?, ?, ?, ?, ?)').run(id, sessionId, created, created, text)
  }

  part(messageId: string, sessionId: string, at: number, data: Json | string): string {
    const id = this.ids.next('prt', at)
    const text = typeof data === 'string' ? data : JSON.stringify(data)
    this.db.prepare('INSERT INTO part (id, message_id, session_id, time_created, time_updated, data) VALUES (?, ?, ?, ?, ?, ?)').run(id, messageId, sessionId, at, at, text)
    return id
  }

  stepStart(messageId: string, sessionId: string, at: number): string {
    return this.part(messageId, sessionId, at, { type: 'step-start', snapshot: 'a1b2c3' })
  }

  stepFinish(messageId: string, sessionId: string, at: number, cost: number, tokens: Tokens): string {
    return this.part(messageId, sessionId, at, { type: 'step-finish', reason: 'tool-calls', snapshot: 'a1b2c3', cost, tokens })
  }

  /** `Session.fork`: a new session `<title> (fork #1)` with every message and part copied under NEW ids. */
  fork(sessionId: string, at: number): string {
    const title = (this.db.prepare('SELECT title FROM session WHERE id = ?').get(sessionId) as { title: string }).title
    const forked = this.session(at, `${title} (fork #1)`)
    const messages = this.db.prepare('SELECT id, time_created, data FROM message WHERE session_id = ? ORDER BY id').all(sessionId) as Array<{ id: string; time_created: number; data: string }>
    const idMap = new Map<string, string>()
    for (const m of messages) {
      const newId = this.ids.next('msg', at)
      idMap.set(m.id, newId)
      const data = JSON.parse(m.data) as Json
      if (data['role'] === 'assistant' && typeof data['parentID'] === 'string') data['parentID'] = idMap.get(data['parentID']) ?? data['parentID']
      this.insertMessage(newId, forked, m.time_created, data)
      const parts = this.db.prepare('SELECT data FROM part WHERE message_id = ? ORDER BY id').all(m.id) as Array<{ data: string }>
      for (const p of parts) this.part(newId, forked, at, p.data)
    }
    return forked
  }

  close(): void {
    this.db.close()
  }
}

/** The legacy JSON tree under `<data>/storage`: files hold the full JSON, ids included. */
export class LegacyStore {
  readonly root: string

  constructor(dataDir: string) {
    this.root = join(dataDir, 'storage')
  }

  write(kind: 'session' | 'message' | 'part', dir: string, id: string, data: Json | string): void {
    const folder = join(this.root, kind, dir)
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `${id}.json`), typeof data === 'string' ? data : JSON.stringify(data, null, 2))
  }

  assistant(id: string, sessionId: string, parentId: string, a: AssistantSpec): void {
    this.write('message', sessionId, id, { id, sessionID: sessionId, ...assistantData(parentId, a) })
  }

  user(id: string, sessionId: string, created: number): void {
    this.write('message', sessionId, id, { id, sessionID: sessionId, role: 'user', time: { created } })
  }

  stepFinish(id: string, messageId: string, sessionId: string, cost: number, tokens: Tokens): void {
    this.write('part', messageId, id, { id, messageID: messageId, sessionID: sessionId, type: 'step-finish', reason: 'stop', cost, tokens })
  }
}
