import type { AlertNotification } from '../../common/engine-protocol.ts'
import type { Settings } from '../../common/settings.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import type { Db } from '../store/open-ledger.ts'

/** Decides which budget and quota alerts are due for a snapshot. (Placeholder: built by the budgets module.) */
export class AlertMonitor {
  readonly db: Db
  constructor(db: Db) {
    this.db = db
  }

  check(_snapshot: UiSnapshot, _settings: Settings, _now: number): AlertNotification[] {
    return []
  }
}
