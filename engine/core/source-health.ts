import type { SourceHealthView } from '../../common/snapshot.ts'
import type { Discovery } from '../ingest/discover.ts'
import type { Db } from '../store/open-ledger.ts'
import { CheckpointStore } from '../store/checkpoints.ts'
import { sep } from 'node:path'

/**
 * Health of every source root: does it exist, how many files and events it gave, when it last reported,
 * which lines were skipped and why, and read errors. Also covers files that have since disappeared.
 * Built from the per-file checkpoints only (never a scan of the events table): it runs on every snapshot.
 */
export function sourceHealth(db: Db, discovery: Discovery): SourceHealthView[] {
  const checkpoints = new CheckpointStore(db).all()
  // Several adapters of one agent can share a root (Gemini's JSONL and legacy JSON): one row per location.
  const seen = new Set<string>()
  const roots = discovery.roots.filter(({ adapter, root }) => {
    const key = `${adapter.provider}\u0000${root.dir}`
    return seen.has(key) ? false : (seen.add(key), true)
  })
  return roots.map(({ adapter, root, exists }) => {
    const prefix = root.dir.endsWith(sep) ? root.dir : root.dir + sep
    const mine = checkpoints.filter((c) => c.provider === adapter.provider && c.path.startsWith(prefix))
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
      provider: adapter.provider,
      root: root.dir,
      exists,
      files: mine.filter((c) => c.missingSince === null).length,
      events,
      lastEventAt: last === null ? null : new Date(last).toISOString(),
      skipped,
      errors,
    }
  })
}
