/**
 * When a session's total was reached (agent-formats.md §7.4). The file holds one running total with no
 * time of its own, rewritten whenever tokens are spent, so its mtime (the engine passes it for whole-file
 * sources) is when that total was written. `providerLockTimestamp` is the session start: a floor against an
 * mtime rewound by a copy or restore, never the answer (it would put a days-long session on its first day).
 * Without an mtime (not an engine read) the lock is the best left; with neither, null.
 */
export function droidEventTs(mtimeMs: number | undefined, lockMs: number | null): number | null {
  const mtime = mtimeMs !== undefined && Number.isFinite(mtimeMs) && mtimeMs > 0 ? Math.floor(mtimeMs) : null
  if (mtime === null) return lockMs
  return lockMs === null ? mtime : Math.max(mtime, lockMs)
}
