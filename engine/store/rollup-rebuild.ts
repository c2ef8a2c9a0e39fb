import { CONTEXT_BUCKETS_VERSION } from '../../common/context-buckets.ts'
import type { Db } from './open-ledger.ts'
import { contributionOfRow, RollupDelta, type EventRollupColumns } from './rollup-delta.ts'
import { RollupWriter } from './rollup-writer.ts'

/**
 * Rollups are derived data: events are the truth. When what a rollup row holds changes (new prompt-size
 * bucket edges, a new column such as session vendor cost), the rollups are re-derived from events once,
 * on the first open by the new build. Bump ROLLUP_SHAPE_VERSION with any change to what RollupDelta
 * accumulates or RollupWriter stores.
 *   1: rollup_q15 and session_rollup as in migration 0001.
 *   2: session_rollup.vendor_cost_usd (migration 0005).
 */
const ROLLUP_SHAPE_VERSION = 2
export const ROLLUPS_VERSION = `${CONTEXT_BUCKETS_VERSION}.${ROLLUP_SHAPE_VERSION}`
const META_KEY = 'rollups_version'
/** Events per page: bounds memory (one page's accumulated rows) on ledgers of millions of events. */
const PAGE = 100_000

/** Re-derives the rollups when they were built by another rollup version. Returns whether it did. */
export function ensureRollupsCurrent(db: Db): boolean {
  if (storedVersion(db) === ROLLUPS_VERSION) return false
  return rederiveRollups(db, { onlyIfStale: true })
}

function storedVersion(db: Db): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(META_KEY)?.value
}

/**
 * Rebuilds rollup_q15 and session_rollup from events in one transaction (all or nothing). With
 * onlyIfStale, checks the version again under the write lock: two processes opening an old ledger at
 * once (the app and the CLI) re-derive it once.
 */
export function rederiveRollups(db: Db, options: { readonly onlyIfStale?: boolean } = {}): boolean {
  // Paged by id, not iterated: better-sqlite3 cannot write on a connection while a read cursor is open.
  const page = db.prepare<[number, number], EventRollupColumns & { id: number }>(
    `SELECT id, event_ts, provider, account, project, model_raw, session_id, input, output, cache_read, cache_write_5m,
       cache_write_1h, reasoning, vendor_cost_usd FROM events WHERE id > ? ORDER BY id LIMIT ?`,
  )
  const writer = new RollupWriter(db)
  return db.transaction(() => {
    if (options.onlyIfStale === true && storedVersion(db) === ROLLUPS_VERSION) return false
    db.exec('DELETE FROM rollup_q15; DELETE FROM session_rollup;')
    let after = 0
    for (;;) {
      const rows = page.all(after, PAGE)
      if (rows.length === 0) break
      const delta = new RollupDelta()
      for (const r of rows) delta.add(contributionOfRow(r), 1)
      writer.apply(delta)
      after = rows[rows.length - 1]!.id
    }
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(META_KEY, ROLLUPS_VERSION)
    return true
  }).immediate()
}
