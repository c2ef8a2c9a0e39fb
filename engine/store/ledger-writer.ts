import type { LimitReading, UsageEvent } from '../../common/usage-event.ts'
import type { Db } from './open-ledger.ts'
import { CheckpointStore, type Checkpoint } from './checkpoints.ts'
import { EventWriter, type WriteStats } from './event-writer.ts'

/**
 * The one write path into the ledger: a batch of events, the limit readings found beside them and the
 * source's new checkpoint are committed in ONE transaction, so a crash can never leave events without
 * the checkpoint that accounts for them (or the reverse).
 */
export class LedgerWriter {
  readonly checkpoints: CheckpointStore
  private readonly events: EventWriter
  private readonly insertLimit
  private readonly commitTx
  readonly db: Db

  constructor(db: Db) {
    this.db = db
    this.checkpoints = new CheckpointStore(db)
    this.events = new EventWriter(db)
    this.insertLimit = db.prepare(
      `INSERT OR IGNORE INTO limit_readings (provider, account, window_id, observed_ts, used_percent, window_minutes, resets_at, plan_type)
       VALUES (?,?,?,?,?,?,?,?)`,
    )
    this.commitTx = db.transaction((events: readonly UsageEvent[], limits: readonly LimitReading[], cp: Checkpoint, now: number): WriteStats => {
      const stats = this.events.write(events, now)
      // Events first stored from this source: counted here so the checkpoint written below includes them.
      cp.events += stats.inserted
      for (const l of latestPerWindow(limits)) {
        this.insertLimit.run(l.provider, l.account, l.windowId, l.observedTs, l.usedPercent, l.windowMinutes, l.resetsAt, l.planType)
      }
      this.checkpoints.put(cp, now)
      return stats
    })
  }

  commit(events: readonly UsageEvent[], limits: readonly LimitReading[], cp: Checkpoint, now: number): WriteStats {
    return this.commitTx(events, limits, cp, now)
  }

  /** Records that a file could not be read, keeping its previous cursor (nothing is lost or re-counted). */
  recordError(path: string, provider: string, account: string, message: string, now: number): void {
    const cp = this.checkpoints.get(path)
    if (cp === null) {
      this.checkpoints.put(
        { path, provider, account, dev: 0, ino: 0, size: -1, mtimeMs: 0, parsedBytes: 0, headHash: 0, anchorHash: 0, parserVersion: -1, state: undefined, events: 0, skipped: {}, lastEventTs: null, lastError: message, missingSince: null },
        now,
      )
    } else {
      this.checkpoints.put({ ...cp, lastError: message }, now)
    }
  }
}

/**
 * Codex repeats its quota readings on every token count; only the newest reading of each window in a
 * batch is worth keeping (the UI shows the latest, and a reading per batch keeps a coarse history).
 */
function latestPerWindow(limits: readonly LimitReading[]): Iterable<LimitReading> {
  if (limits.length <= 1) return limits
  const latest = new Map<string, LimitReading>()
  for (const l of limits) {
    const key = `${l.provider}\u0000${l.account}\u0000${l.windowId}`
    const prev = latest.get(key)
    if (prev === undefined || l.observedTs >= prev.observedTs) latest.set(key, l)
  }
  return latest.values()
}
