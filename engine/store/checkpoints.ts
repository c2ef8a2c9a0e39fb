import type { Db } from './open-ledger.ts'
import type { SkipCounts } from '../../common/adapter-contract.ts'

/** Where reading a source file stopped, and how to recognise that it is still the same file. */
export interface Checkpoint {
  path: string
  provider: string
  account: string
  dev: number
  ino: number
  size: number
  mtimeMs: number
  /** Bytes consumed: always at a line boundary (a torn last line is left for later). */
  parsedBytes: number
  /** Hash of the first bytes (up to 4 KiB): a rewrite or replacement changes it. */
  headHash: number
  /** Hash of the 64 bytes before parsedBytes: an in-place rewrite of the consumed part changes it. */
  anchorHash: number
  parserVersion: number
  state: unknown
  events: number
  skipped: SkipCounts
  lastEventTs: number | null
  lastError: string | null
  missingSince: number | null
}

interface Row {
  path: string
  provider: string
  account: string
  dev: number
  ino: number
  size: number
  mtime_ms: number
  parsed_bytes: number
  head_hash: number
  anchor_hash: number
  parser_version: number
  state_json: string | null
  events: number
  skipped_json: string
  last_event_ts: number | null
  last_error: string | null
  missing_since: number | null
}

/** What the warm path compares without opening a file. */
export interface CheckpointIdentity {
  readonly dev: number
  readonly ino: number
  readonly size: number
  readonly mtimeMs: number
  readonly parserVersion: number
}

/** The per-file checkpoint table. Updated in the same transaction as the events a read produced. */
export class CheckpointStore {
  private readonly getStmt
  private readonly putStmt
  private readonly allStmt
  private readonly markMissingStmt
  private readonly identityStmt
  private readonly presentStmt

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], Row>('SELECT * FROM source_files WHERE path = ?')
    this.allStmt = db.prepare<[], Row>('SELECT * FROM source_files ORDER BY path')
    this.putStmt = db.prepare(
      `INSERT INTO source_files (path, provider, account, dev, ino, size, mtime_ms, parsed_bytes, head_hash, anchor_hash,
         parser_version, state_json, events, skipped_json, last_event_ts, last_error, missing_since, updated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
       ON CONFLICT(path) DO UPDATE SET provider = excluded.provider, account = excluded.account, dev = excluded.dev,
         ino = excluded.ino, size = excluded.size, mtime_ms = excluded.mtime_ms, parsed_bytes = excluded.parsed_bytes,
         head_hash = excluded.head_hash, anchor_hash = excluded.anchor_hash, parser_version = excluded.parser_version,
         state_json = excluded.state_json, events = excluded.events, skipped_json = excluded.skipped_json,
         last_event_ts = excluded.last_event_ts, last_error = excluded.last_error, missing_since = excluded.missing_since,
         updated_at = excluded.updated_at`,
    )
    this.identityStmt = db.prepare<[], { path: string; dev: number; ino: number; size: number; mtime_ms: number; parser_version: number }>(
      'SELECT path, dev, ino, size, mtime_ms, parser_version FROM source_files',
    )
    this.presentStmt = db.prepare<[], string>('SELECT path FROM source_files WHERE missing_since IS NULL').pluck()
    this.markMissingStmt = db.prepare('UPDATE source_files SET missing_since = coalesce(missing_since, ?) WHERE path = ?')
  }

  get(path: string): Checkpoint | null {
    const row = this.getStmt.get(path)
    return row === undefined ? null : fromRow(row)
  }

  /** Identity of every checkpointed file, in one query (the warm path's map). */
  identities(): Map<string, CheckpointIdentity> {
    const out = new Map<string, CheckpointIdentity>()
    for (const r of this.identityStmt.iterate()) out.set(r.path, { dev: r.dev, ino: r.ino, size: r.size, mtimeMs: r.mtime_ms, parserVersion: r.parser_version })
    return out
  }

  /** Paths of files not known to have vanished (no state parsed: a warm run checks these every time). */
  presentPaths(): string[] {
    return this.presentStmt.all()
  }

  all(): Checkpoint[] {
    return this.allStmt.all().map(fromRow)
  }

  put(c: Checkpoint, now: number): void {
    this.putStmt.run(
      c.path, c.provider, c.account, c.dev, c.ino, c.size, c.mtimeMs, c.parsedBytes, c.headHash, c.anchorHash,
      c.parserVersion, c.state === undefined ? null : JSON.stringify(c.state), c.events, JSON.stringify(c.skipped),
      c.lastEventTs, c.lastError, c.missingSince, now,
    )
  }

  /** The file is gone: keep its checkpoint and its events (lifetime history), just remember when it vanished. */
  markMissing(path: string, now: number): void {
    this.markMissingStmt.run(now, path)
  }
}

function fromRow(r: Row): Checkpoint {
  return {
    path: r.path,
    provider: r.provider,
    account: r.account,
    dev: r.dev,
    ino: r.ino,
    size: r.size,
    mtimeMs: r.mtime_ms,
    parsedBytes: r.parsed_bytes,
    headHash: r.head_hash,
    anchorHash: r.anchor_hash,
    parserVersion: r.parser_version,
    state: r.state_json === null ? undefined : JSON.parse(r.state_json),
    events: r.events,
    skipped: JSON.parse(r.skipped_json) as SkipCounts,
    lastEventTs: r.last_event_ts,
    lastError: r.last_error,
    missingSince: r.missing_since,
  }
}
