import type { ReadOnlyDatabase, SkipCounts } from '../../common/adapter-contract.ts'

/** Turns in one UTC quarter hour (quarter hours convert exactly to local days in every real time zone). */
export interface CursorTurnBucket {
  readonly startMs: number
  readonly user: number
  readonly assistant: number
}

/**
 * What Cursor's local `state.vscdb` says about ACTIVITY since a given instant (agent-formats.md §8.3).
 * None of it is billed usage and none of it may be added to usage totals: Cursor bills on its servers.
 */
export interface CursorActivity {
  /** Conversations (composers) created or updated since `sinceMs`. */
  readonly conversations: number
  /** User and assistant turns per UTC quarter hour, oldest first. */
  readonly turns: CursorTurnBucket[]
  /** Conversations per SELECTED model (`default`/`auto` when Cursor picked): the selection, not what billed. */
  readonly models: Array<{ readonly model: string; readonly conversations: number }>
  /**
   * Token counts Cursor's client wrote on some assistant turns: sparse (current builds write 0), no cache
   * split, no cost. Only ever shown as a "client-reported estimate", apart from billed numbers.
   */
  readonly clientReported: { readonly turnsWithCounts: number; readonly input: number; readonly output: number }
  readonly firstAt: number | null
  readonly lastAt: number | null
  /** Rows that could not be read, by reason (`malformed-json`, `no-time`, `unknown-type`, `too-large`). */
  readonly skips: SkipCounts
}

/** A value larger than this is not parsed at all: the database can be gigabytes and is live-written. */
const MAX_VALUE_BYTES = 32 * 1024 * 1024
/** Extracted strings are cut to this length, so no query returns text of unknown size. */
const MAX_TEXT = 200
const QUARTER_MS = 15 * 60_000

/**
 * SQL that yields one typed scalar of the JSON value `v` (or NULL): never a sub-object, never the value.
 * `json_type` first, because `json_extract` of an object path would return that object's whole text.
 */
const number = (path: string): string => `CASE WHEN json_type(v, '${path}') IN ('integer', 'real') THEN json_extract(v, '${path}') END`
const text = (path: string): string => `CASE WHEN json_type(v, '${path}') = 'text' THEN substr(json_extract(v, '${path}'), 1, ${MAX_TEXT}) END`
/** An instant as epoch ms: Cursor writes ms numbers on composers and ISO strings on bubbles. */
const instant = (path: string): string =>
  `CASE json_type(v, '${path}') WHEN 'integer' THEN json_extract(v, '${path}') WHEN 'real' THEN CAST(json_extract(v, '${path}') AS INTEGER)
   WHEN 'text' THEN CAST(unixepoch(substr(json_extract(v, '${path}'), 1, 40), 'subsec') * 1000 AS INTEGER) END`

/**
 * Rows of `cursorDiskKV` whose key starts with `prefix`, as a KEY RANGE (`>= 'p:' AND < 'p;'`), so SQLite
 * walks the key index instead of scanning the whole table (LIKE cannot use it: it is case-insensitive).
 * The value is cast to text (Cursor stores JSON text in a BLOB column); oversized values are never loaded.
 */
const keyRange = `FROM (SELECT key, v, fits, json_valid(v) AS ok FROM (
  SELECT key, length(value) <= ${MAX_VALUE_BYTES} AS fits, CASE WHEN length(value) <= ${MAX_VALUE_BYTES} THEN CAST(value AS TEXT) END AS v
  FROM cursorDiskKV WHERE key >= ? AND key < ?))`

/** One row per conversation: only the typed fields we need. */
const COMPOSERS_SQL = `SELECT substr(key, 1, ${MAX_TEXT}) AS key, fits, ok,
  CASE WHEN fits AND ok THEN ${instant('$.createdAt')} END AS createdAt,
  CASE WHEN fits AND ok THEN ${instant('$.lastUpdatedAt')} END AS lastUpdatedAt,
  CASE WHEN fits AND ok THEN ${text('$.modelConfig.modelName')} END AS model
  ${keyRange}`

/** A conversation's turns, already counted per quarter hour and type inside SQLite (bounded result). */
const BUBBLES_SQL = `SELECT q, type, fits, ok, count(*) AS n, sum(inTok) AS inTok, sum(outTok) AS outTok,
    sum(coalesce(inTok, 0) + coalesce(outTok, 0) > 0) AS withCounts
  FROM (SELECT fits, ok,
      CASE WHEN fits AND ok THEN ${number('$.type')} END AS type,
      CASE WHEN fits AND ok THEN ${instant('$.createdAt')} END / ${QUARTER_MS} AS q,
      CASE WHEN fits AND ok THEN max(0, ${number('$.tokenCount.inputTokens')}) END AS inTok,
      CASE WHEN fits AND ok THEN max(0, ${number('$.tokenCount.outputTokens')}) END AS outTok
    ${keyRange})
  WHERE q IS NULL OR q >= ?
  GROUP BY q, type, fits, ok`

const COMPOSER_PREFIX = 'composerData:'

/**
 * Reads activity from Cursor's `state.vscdb` (opened read-only by the caller). Only `cursorDiskKV` keys
 * `composerData:*` and `bubbleId:<composer>:*` are queried, and only typed scalars extracted with
 * `json_extract` (never a whole value, never prompt or response text). `ItemTable` is NEVER queried: it
 * holds Cursor's auth tokens. Turns are read only for conversations active since `sinceMs`, each by a key
 * range, so years of old bubbles in a multi-gigabyte database are not parsed. A database being written
 * meanwhile is read as of one snapshot per query; a query that fails (locked, corrupt) is a thrown error
 * for the caller to retry, never partial numbers.
 */
export function readCursorActivity(db: ReadOnlyDatabase, sinceMs: number): CursorActivity {
  const skips: SkipCounts = {}
  const skip = (reason: string, n = 1): void => {
    skips[reason] = (skips[reason] ?? 0) + n
  }
  const models = new Map<string, number>()
  const active: string[] = []
  for (const r of db.all(COMPOSERS_SQL, COMPOSER_PREFIX, 'composerData;')) {
    const c = composerOf(r, sinceMs)
    if ('skip' in c) skip(c.skip)
    else if (c.active) {
      active.push(c.id)
      models.set(c.model, (models.get(c.model) ?? 0) + 1)
    }
  }
  const buckets = new Map<number, { user: number; assistant: number }>()
  const clientReported = { turnsWithCounts: 0, input: 0, output: 0 }
  for (const id of active) {
    for (const r of db.all(BUBBLES_SQL, `bubbleId:${id}:`, `bubbleId:${id};`, Math.floor(sinceMs / QUARTER_MS))) {
      const n = Number(r['n'])
      const reason = r['fits'] === 0 ? 'too-large' : r['ok'] !== 1 ? 'malformed-json' : r['q'] === null ? 'no-time' : r['type'] !== 1 && r['type'] !== 2 ? 'unknown-type' : null
      if (reason !== null) {
        skip(reason, n)
        continue
      }
      const startMs = Number(r['q']) * QUARTER_MS
      const b = buckets.get(startMs) ?? { user: 0, assistant: 0 }
      if (r['type'] === 1) b.user += n
      else b.assistant += n
      buckets.set(startMs, b)
      clientReported.turnsWithCounts += Number(r['withCounts'] ?? 0)
      clientReported.input += Number(r['inTok'] ?? 0)
      clientReported.output += Number(r['outTok'] ?? 0)
    }
  }
  const turns = [...buckets].sort(([a], [b]) => a - b).map(([startMs, b]) => ({ startMs, ...b }))
  return {
    conversations: active.length,
    turns,
    models: [...models].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([model, conversations]) => ({ model, conversations })),
    clientReported,
    // Quarter-hour precision: the first quarter hour with a turn to the end of the last one.
    firstAt: turns[0]?.startMs ?? null,
    lastAt: turns.length === 0 ? null : turns.at(-1)!.startMs + QUARTER_MS,
    skips,
  }
}

type ComposerFacts = { readonly skip: string } | { readonly active: false } | { readonly active: true; readonly id: string; readonly model: string }

/** One `composerData:<id>` row: its id and selected model when it was created or updated since `sinceMs`. */
function composerOf(r: Record<string, unknown>, sinceMs: number): ComposerFacts {
  if (r['fits'] === 0) return { skip: 'too-large' }
  if (r['ok'] !== 1) return { skip: 'malformed-json' }
  const created = finite(r['createdAt'])
  const updated = finite(r['lastUpdatedAt'])
  if (created === null && updated === null) return { skip: 'no-time' }
  if (Math.max(created ?? -Infinity, updated ?? -Infinity) < sinceMs) return { active: false }
  const id = String(r['key']).slice(COMPOSER_PREFIX.length)
  // The id becomes a key range for its turns: an empty id or one with ':' would range over others' turns.
  if (id === '' || id.includes(':')) return { skip: 'bad-key' }
  const model = typeof r['model'] === 'string' && r['model'].trim() !== '' ? r['model'].trim() : 'unknown'
  return { active: true, id, model }
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}
