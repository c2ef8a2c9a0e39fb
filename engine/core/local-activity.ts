import { existsSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import type { LocalActivityView } from '../../common/snapshot.ts'
import { cursorStatePaths, readCursorActivity } from '../../adapters/cursor/index.ts'

const DAY_MS = 86_400_000

/**
 * Cursor's local activity (state.vscdb), read read-only and only when the database or its WAL changed:
 * the file can be gigabytes and is written live while Cursor runs. Never merged into usage totals.
 */
export class LocalActivityReader {
  private cache = new Map<string, { signature: string; view: LocalActivityView | null }>()
  private readonly ctx: DiscoveryContext

  constructor(ctx: DiscoveryContext) {
    this.ctx = ctx
  }

  read(now: number): LocalActivityView[] {
    const out: LocalActivityView[] = []
    for (const path of cursorStatePaths(this.ctx)) {
      if (!existsSync(path)) continue
      const signature = `${signatureOf(path)}|${signatureOf(`${path}-wal`)}|${Math.floor(now / DAY_MS)}`
      let entry = this.cache.get(path)
      if (entry === undefined || entry.signature !== signature) {
        entry = { signature, view: readOne(path, now) }
        this.cache.set(path, entry)
      }
      if (entry.view !== null) out.push(entry.view)
    }
    return out
  }
}

function signatureOf(path: string): string {
  try {
    const st = statSync(path)
    return `${st.size}:${Math.floor(st.mtimeMs)}`
  } catch {
    return '-'
  }
}

function readOne(path: string, now: number): LocalActivityView | null {
  let db: Database.Database | null = null
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 1000 })
    const conn = db
    const a = readCursorActivity({ all: (sql, ...params) => conn.prepare(sql).all(...params) as Record<string, unknown>[] }, now - 30 * DAY_MS)
    return {
      provider: 'cursor',
      source: path,
      conversations: a.conversations,
      userTurns: a.turns.reduce((n, t) => n + t.user, 0),
      assistantTurns: a.turns.reduce((n, t) => n + t.assistant, 0),
      models: a.models.map((m) => ({ model: m.model, conversations: m.conversations })),
      clientReportedTokens: { ...a.clientReported },
      lastAt: a.lastAt === null ? null : new Date(a.lastAt).toISOString(),
    }
  } catch {
    return null // locked mid-write, or not a Cursor database: activity is best-effort, retried on the next change
  } finally {
    db?.close()
  }
}
