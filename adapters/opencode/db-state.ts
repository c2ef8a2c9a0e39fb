/**
 * Resume cursor of one OpenCode database, per table: the highest rowid read and the row id (`prt_…`,
 * `msg_…`) that sat there. Rowids, not OpenCode's ids, because the ids are NOT ordered over time: their
 * 12 hex digits hold `(ms × 4096 + counter) mod 2^48`, which wraps every 2^36 ms (≈ 795 days; last in
 * Aug 2026), and imported or synced rows keep old ids. SQLite gives a new row `max(rowid) + 1`, in commit
 * order, so while the row at the cursor still holds the same id every new row lies above it. When it does
 * not (trailing rows deleted by a revert, then reused; or a VACUUM renumbering), the table is read again
 * from the start; re-emitted events carry the same keys, so the ledger keeps each request once.
 */
export interface TableCursor {
  readonly rowid: number
  readonly id: string | null
}

export interface OpencodeDbState {
  readonly part: TableCursor
  readonly message: TableCursor
}

export const START: TableCursor = { rowid: 0, id: null }

export function initialDbState(): OpencodeDbState {
  return { part: START, message: START }
}

/** Accepts a stored cursor only in the exact shape we write; anything else restarts (idempotently). */
export function readDbState(value: unknown): OpencodeDbState {
  if (typeof value !== 'object' || value === null) return initialDbState()
  const v = value as Record<string, unknown>
  return { part: readCursor(v['part']), message: readCursor(v['message']) }
}

function readCursor(value: unknown): TableCursor {
  if (typeof value !== 'object' || value === null) return START
  const c = value as Record<string, unknown>
  const rowid = c['rowid']
  const id = c['id']
  if (typeof rowid !== 'number' || !Number.isSafeInteger(rowid) || rowid < 0) return START
  if (id !== null && typeof id !== 'string') return START
  return { rowid, id }
}
