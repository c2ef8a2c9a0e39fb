import type { ParseResult, ReadOnlyDatabase, SkipCounts, SourceFileRef } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import { readDbState, START, type OpencodeDbState, type TableCursor } from './db-state.ts'
import { messageEvent, stepEvent } from './events.ts'
import { isRecord, parseJson } from './json.ts'
import { nonNegative, readMessageInfo } from './message-info.ts'
import { bump } from './skips.ts'

/**
 * `step-finish` parts above the cursor, each with its message row and its ordinal among the message's
 * step-finish parts. `instr` is a cheap pre-filter; the CASE makes sure malformed JSON is never handed to
 * json_extract (which would fail the whole query). Only these columns are read: never text parts.
 */
const STEPS_SQL = `
SELECT p.rowid AS rowid, p.session_id AS sessionId, p.data AS part, m.data AS message,
  (SELECT count(*) FROM part q WHERE q.message_id = p.message_id AND q.id < p.id
     AND instr(q.data, '"step-finish"') > 0
     AND CASE WHEN json_valid(q.data) THEN json_extract(q.data, '$.type') END = 'step-finish') AS ordinal
FROM part p LEFT JOIN message m ON m.id = p.message_id
WHERE p.rowid > ? AND p.rowid <= ? AND instr(p.data, '"step-finish"') > 0
  AND CASE WHEN json_valid(p.data) THEN json_extract(p.data, '$.type') END = 'step-finish'
ORDER BY p.rowid`

/** Assistant messages above the cursor that have no part at all: counted from their own row. */
const PARTLESS_SQL = `
SELECT m.rowid AS rowid, m.session_id AS sessionId, m.data AS message
FROM message m
WHERE m.rowid > ? AND m.rowid <= ? AND instr(m.data, '"assistant"') > 0
  AND CASE WHEN json_valid(m.data) THEN json_extract(m.data, '$.role') END = 'assistant'
  AND NOT EXISTS (SELECT 1 FROM part p WHERE p.message_id = m.id)
ORDER BY m.rowid`

/**
 * Reads what is new in an OpenCode database (`opencode.db`, `opencode-<channel>.db`): one event per
 * `step-finish` part, plus messages without parts. Never adds the session table's running totals.
 */
export function readOpencodeDatabase(db: ReadOnlyDatabase, file: SourceFileRef, stored: OpencodeDbState): ParseResult<OpencodeDbState> {
  const state = readDbState(stored)
  const events: UsageEvent[] = []
  const skips: SkipCounts = {}
  if (!hasOpencodeTables(db)) {
    bump(skips, 'not-opencode-db')
    return { events, limits: [], skips, state }
  }
  // The top of each table is taken BEFORE its rows, and the rows are bounded by it: a row committed in
  // between is left for the next read instead of being skipped by the new cursor.
  const partTop = topRow(db, 'part')
  readSteps(db, file, resumeFrom(db, 'part', state.part), partTop.rowid, events, skips)
  const messageTop = topRow(db, 'message')
  readPartless(db, file, resumeFrom(db, 'message', state.message), messageTop.rowid, events, skips)
  return { events, limits: [], skips, state: { part: partTop, message: messageTop } }
}

function readSteps(db: ReadOnlyDatabase, file: SourceFileRef, from: number, to: number, events: UsageEvent[], skips: SkipCounts): void {
  for (const row of db.all(STEPS_SQL, from, to)) {
    const part = parseJson(row['part'])
    if (!isRecord(part)) {
      bump(skips, 'unknown-shape')
      continue
    }
    if (row['message'] === null || row['message'] === undefined) {
      bump(skips, 'orphan-part')
      continue
    }
    const message = parseJson(row['message'])
    if (message === undefined) {
      bump(skips, 'malformed-json')
      continue
    }
    const info = readMessageInfo(message)
    if (typeof info === 'string') {
      bump(skips, info)
      continue
    }
    const src = { file, sessionId: String(row['sessionId']), offset: Number(row['rowid']) }
    const e = stepEvent(info, { tokens: part['tokens'], cost: nonNegative(part['cost']), ordinal: Number(row['ordinal']) }, src, skips)
    if (e !== null) events.push(e)
  }
}

function readPartless(db: ReadOnlyDatabase, file: SourceFileRef, from: number, to: number, events: UsageEvent[], skips: SkipCounts): void {
  for (const row of db.all(PARTLESS_SQL, from, to)) {
    const info = readMessageInfo(parseJson(row['message']))
    if (typeof info === 'string') {
      bump(skips, info)
      continue
    }
    const e = messageEvent(info, { file, sessionId: String(row['sessionId']), offset: Number(row['rowid']) }, skips)
    if (e !== null) events.push(e)
  }
}

type Table = 'part' | 'message'

function hasOpencodeTables(db: ReadOnlyDatabase): boolean {
  const rows = db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('part', 'message')")
  return rows.length === 2
}

/** The last row of a table (rowid and OpenCode id), or the start when the table is empty. */
function topRow(db: ReadOnlyDatabase, table: Table): TableCursor {
  const row = db.all(`SELECT rowid AS rowid, id FROM ${table} ORDER BY rowid DESC LIMIT 1`)[0]
  if (row === undefined) return START
  return { rowid: Number(row['rowid']), id: typeof row['id'] === 'string' ? row['id'] : null }
}

/** Where to resume: the cursor while its row still holds the same id, else the start (see db-state.ts). */
function resumeFrom(db: ReadOnlyDatabase, table: Table, cursor: TableCursor): number {
  if (cursor.id === null) return 0
  const row = db.all(`SELECT id FROM ${table} WHERE rowid = ?`, cursor.rowid)[0]
  return row !== undefined && row['id'] === cursor.id ? cursor.rowid : 0
}
