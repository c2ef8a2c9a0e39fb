import type { SourceHealthView } from '../../common/snapshot.ts'
import type { SourceLocation } from '../settings/source-locations.ts'
import type { Db } from '../store/open-ledger.ts'
import { CheckpointStore } from '../store/checkpoints.ts'
import { sep } from 'node:path'

/**
 * Health of every source location: does it exist, how many files and events it gave, when it last
 * reported, which lines were skipped and why, and read errors; whether it is read at all and whether the
 * user added it. A turned-off location keeps the figures of what it gave before (its events stay in the
 * ledger). Built from the per-file checkpoints only (never a scan of the events table): it runs on every
 * snapshot.
 */
export function sourceHealth(db: Db, locations: readonly SourceLocation[]): SourceHealthView[] {
  const checkpoints = new CheckpointStore(db).all()
  return locations.map(({ provider, root, exists, enabled, custom }) => {
    const prefix = root.dir.endsWith(sep) ? root.dir : root.dir + sep
    const mine = checkpoints.filter((c) => c.provider === provider && c.path.startsWith(prefix))
    const skipped: Record<string, number> = {}
    const errors: string[] = []
    let events = 0
    let last: number | null = null
    for (const c of mine) {
      for (const [reason, n] of Object.entries(c.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n
      if (c.lastError !== null) errors.push(`${c.path}: ${c.lastError}`)
      events += c.events
      if (c.lastEventTs !== null && (last === null || c.lastEventTs > last)) last = c.lastEventTs
    }
    return {
      provider,
      root: root.dir,
      exists,
      files: mine.filter((c) => c.missingSince === null).length,
      events,
      lastEventAt: last === null ? null : new Date(last).toISOString(),
      skipped,
      errors,
      enabled,
      custom,
      account: root.account,
    }
  })
}
