import { statSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { DatabaseAdapter, ReadOnlyDatabase, SkipCounts, SourceFileRef } from '../../common/adapter-contract.ts'
import type { Checkpoint } from '../store/checkpoints.ts'
import { hash53 } from '../store/hash-key.ts'
import type { LedgerWriter } from '../store/ledger-writer.ts'
import type { FileIdentity } from './read-plan.ts'
import type { ScanOutcome } from './scan-file.ts'

/**
 * Reads an agent's own SQLite database (OpenCode, Cursor). It is opened READ-ONLY, with its WAL, so rows
 * that exist only in `-wal` are seen; it is never copied (copying only the main file loses the WAL tail).
 * "Changed" means the main file or a sidecar changed; the adapter's cursor lives in the checkpoint and
 * is only reset when the database was replaced or the parser upgraded.
 */
export function scanDatabase(ledger: LedgerWriter, adapter: DatabaseAdapter<unknown>, file: SourceFileRef, id: FileIdentity, now: number): ScanOutcome {
  const cp = ledger.checkpoints.get(file.path)
  const sidecars = sidecarSignature(file.path, adapter.sidecarSuffixes)
  const sameFile = cp !== null && cp.parserVersion === adapter.parserVersion && cp.dev === id.dev && cp.ino === id.ino
  if (sameFile && cp.size === id.size && cp.mtimeMs === id.mtimeMs && cp.headHash === sidecars) {
    return { path: file.path, plan: 'unchanged', bytesRead: 0, eventsSeen: 0, inserted: 0, error: null }
  }
  let db: Database.Database | null = null
  try {
    db = new Database(file.path, { readonly: true, fileMustExist: true, timeout: 2000 })
    const reader: ReadOnlyDatabase = { all: (sql, ...params) => db!.prepare(sql).all(...params) as Record<string, unknown>[] }
    const state = sameFile ? cp.state : adapter.initialState(file)
    const result = adapter.readDatabase(reader, file, state)
    const skipped: SkipCounts = sameFile ? { ...cp.skipped } : {}
    for (const [reason, n] of Object.entries(result.skips)) skipped[reason] = (skipped[reason] ?? 0) + n
    let lastEventTs = cp?.lastEventTs ?? null
    for (const e of result.events) if (lastEventTs === null || e.eventTs > lastEventTs) lastEventTs = e.eventTs
    const next: Checkpoint = {
      path: file.path,
      provider: adapter.provider,
      account: file.root.account,
      ...id,
      parsedBytes: id.size,
      headHash: sidecars,
      anchorHash: 0,
      parserVersion: adapter.parserVersion,
      state: result.state,
      events: cp?.events ?? 0,
      skipped,
      lastEventTs,
      lastError: null,
      missingSince: null,
    }
    const stats = ledger.commit(result.events, result.limits, next, now)
    return { path: file.path, plan: sameFile ? 'resume' : 'full', bytesRead: 0, eventsSeen: result.events.length, inserted: stats.inserted, error: null }
  } catch (err) {
    // Locked (the agent is mid-write), corrupt, or not a database: keep the cursor, report, retry on the next change.
    const message = `cannot read database: ${err instanceof Error ? err.message : String(err)}`
    ledger.recordError(file.path, adapter.provider, file.root.account, message, now)
    return { path: file.path, plan: 'error', bytesRead: 0, eventsSeen: 0, inserted: 0, error: message }
  } finally {
    db?.close()
  }
}

/** A hash of the sidecars' sizes and mtimes (0 when none exist). */
function sidecarSignature(path: string, suffixes: readonly string[]): number {
  const parts: string[] = []
  for (const suffix of suffixes) {
    try {
      const st = statSync(path + suffix)
      parts.push(`${suffix}:${st.size}:${Math.floor(st.mtimeMs)}:${st.ino}`)
    } catch {
      parts.push(`${suffix}:-`)
    }
  }
  return hash53(parts.join('|'))
}
