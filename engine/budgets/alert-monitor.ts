import type { AlertNotification } from '../../common/engine-protocol.ts'
import type { Settings } from '../../common/settings.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import type { Db } from '../store/open-ledger.ts'
import { dueAlerts, type AlertCandidate } from './alert-rules.ts'

/**
 * Decides which budget and quota alerts a published snapshot raises, each exactly once: a fired key is
 * stored in `alerts_fired` (migration 0004) in the same step that decides to show it, so a restart,
 * a second engine on the same ledger or a re-published snapshot never shows it again.
 *
 * Only snapshots of a `ready` engine are evaluated: while a first run backfills years of history the
 * figures are still climbing, and announcing every crossing on the way would be noise.
 *
 * With notifications switched off, due alerts are still recorded as fired but not returned: switching
 * them back on later must not replay every crossing that happened while they were off.
 */
export class AlertMonitor {
  readonly db: Db
  private readonly insert
  private readonly keysWithPrefix

  constructor(db: Db) {
    this.db = db
    this.insert = db.prepare<[string, number]>('INSERT OR IGNORE INTO alerts_fired (key, fired_at) VALUES (?, ?)')
    // Prefix match by range (not LIKE: account paths may contain % or _).
    this.keysWithPrefix = db.prepare<[string, string], { key: string }>('SELECT key FROM alerts_fired WHERE key >= ? AND key < ?')
  }

  check(snapshot: UiSnapshot, settings: Settings, now: number): AlertNotification[] {
    if (snapshot.engineState !== 'ready') return []
    const fired: AlertNotification[] = []
    this.db.transaction(() => {
      for (const alert of dueAlerts(snapshot, settings, now)) {
        if (this.sameWindowFired(alert)) continue
        let isNew = false
        for (const key of alert.record) {
          const changed = this.insert.run(key, now).changes > 0
          if (key === alert.fireKey) isNew = changed
        }
        if (isNew) fired.push({ key: alert.fireKey, title: alert.title, body: alert.body })
      }
    })()
    return settings.alerts.notifications ? fired : []
  }

  /** A quota alert already fired for this window under a reset time a second or two off. */
  private sameWindowFired(alert: AlertCandidate): boolean {
    const w = alert.sameWindow
    if (w === undefined) return false
    return this.keysWithPrefix.all(w.prefix, `${w.prefix}\uffff`).some(({ key }) => {
      const at = Date.parse(key.slice(w.prefix.length))
      return Number.isFinite(at) && Math.abs(at - w.resetsAtMs) <= w.toleranceMs
    })
  }
}
