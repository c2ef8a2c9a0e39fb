import type { ProviderId } from './providers.ts'
import type { LimitReading, UsageEvent } from './usage-event.ts'

/**
 * What an adapter is given to find its sources. Side effects (environment, home, platform) are passed
 * in, so discovery is testable with a fake home on any OS.
 */
export interface DiscoveryContext {
  /** The user's home directory (or `--home DIR` / TOKENLEDGER_HOME). */
  readonly home: string
  /** Environment variables to honour (the agents' own: CLAUDE_CONFIG_DIR, CODEX_HOME, XDG_*…). */
  readonly env: Readonly<Record<string, string | undefined>>
  readonly platform: 'darwin' | 'win32' | 'linux'
}

/** A directory that holds an agent's data, e.g. `~/.claude/projects`. */
export interface SourceRoot {
  /** Absolute directory to walk and watch. */
  readonly dir: string
  /** Config root / account label shown to the user and stored on events (e.g. `~/.claude`). */
  readonly account: string
  /**
   * How many directory levels below `dir` are listed and watched (0 = only `dir` itself). Unset = all.
   * For roots whose interesting files sit at the top of a big tree (OpenCode's data dir).
   */
  readonly depth?: number
}

/** A file the engine hands to an adapter. */
export interface SourceFileRef {
  readonly path: string
  readonly root: SourceRoot
  /**
   * The file's modification time (UTC ms) when the engine read it; set for whole-file sources, whose
   * content may carry no time of its own (a Droid session total is dated by when it changed).
   */
  readonly mtimeMs?: number
}

/** Skips are counted per reason; a reason is a short stable slug (`malformed-json`, `no-usage`…). */
export type SkipCounts = Record<string, number>

/**
 * The result of parsing one range of a source. `state` is the adapter's resume cursor: plain JSON the
 * engine stores in the file's checkpoint and hands back for the next range of the same file.
 */
export interface ParseResult<State> {
  readonly events: UsageEvent[]
  readonly limits: LimitReading[]
  readonly skips: SkipCounts
  readonly state: State
}

/**
 * Append-only JSON-lines sources (Claude Code, Codex, Gemini JSONL). The engine reads from the file's
 * checkpoint to the LAST newline and calls `parseLines`; a torn last line is left for a later read.
 */
export interface JsonlAdapter<State> {
  readonly kind: 'jsonl'
  readonly provider: ProviderId
  readonly parserVersion: number
  /** Source roots for this machine; roots that do not exist are still listed (the UI shows where it looked). */
  roots(ctx: DiscoveryContext): SourceRoot[]
  /** Whether a path under a root (relative, `/`-separated) is a source file of this adapter. */
  isSourceFile(relPath: string): boolean
  /**
   * Chooses among candidate files, e.g. Codex prefers `x.jsonl` over `x.jsonl.zst` and `sessions/` over
   * `archived_sessions/`. Receives all candidate absolute paths of all roots; returns the ones to read.
   */
  selectFiles?(paths: readonly string[]): string[]
  /** State for a file read from byte 0. */
  initialState(file: SourceFileRef): State
  /**
   * Parses complete lines `bytes[0 .. bytes.length)` (ends at a newline) that start at absolute file
   * offset `baseOffset`. Must not throw on bad input: count a skip instead.
   */
  parseLines(bytes: Uint8Array, baseOffset: number, file: SourceFileRef, state: State): ParseResult<State>
  /** When set, files ending in this suffix are zstd-compressed whole files, decompressed before parsing. */
  readonly compressedSuffix?: string
}

/** Fields every kind of adapter has. */
interface AdapterBase<State> {
  readonly provider: ProviderId
  readonly parserVersion: number
  roots(ctx: DiscoveryContext): SourceRoot[]
  isSourceFile(relPath: string): boolean
  selectFiles?(paths: readonly string[]): string[]
  initialState(file: SourceFileRef): State
}

/**
 * Sources that are rewritten whole (Gemini legacy `.json`, Droid `*.settings.json`, Amp threads, Cursor
 * CSV exports). The engine reads the whole file again whenever its size, mtime or inode changes; events
 * emitted before may be emitted again (the ledger keeps each dedupe key once).
 */
export interface WholeFileAdapter<State> extends AdapterBase<State> {
  readonly kind: 'whole-file'
  /** Must not throw on bad input: count a skip instead. */
  parseFile(bytes: Uint8Array, file: SourceFileRef, state: State): ParseResult<State>
}

/** The only thing a database adapter may do with an agent's database: read-only queries. */
export interface ReadOnlyDatabase {
  all(sql: string, ...params: unknown[]): Record<string, unknown>[]
}

/**
 * An agent's own SQLite database (OpenCode, Cursor). The engine opens it READ-ONLY, with its WAL (recent
 * rows may live only in `-wal`), whenever the main file or a sidecar changed, and hands the adapter a
 * query function and its cursor. Adapters must select only the columns they need (never credentials).
 */
export interface DatabaseAdapter<State> extends AdapterBase<State> {
  readonly kind: 'database'
  /** Suffixes of files beside the database whose change means new rows (e.g. `-wal`). */
  readonly sidecarSuffixes: readonly string[]
  readDatabase(db: ReadOnlyDatabase, file: SourceFileRef, state: State): ParseResult<State>
}

export type AnyAdapter = JsonlAdapter<unknown> | WholeFileAdapter<unknown> | DatabaseAdapter<unknown>
