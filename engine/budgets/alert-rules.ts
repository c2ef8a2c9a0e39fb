import type { Settings } from '../../common/settings.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { LocalCalendar } from '../reports/local-time.ts'
import { budgetText, projectedText, quotaText, type AlertText } from './alert-text.ts'
import { periodStartOf } from './budget-period.ts'

/**
 * One alert a snapshot calls for. `record` are the keys that become "fired" with it; the notification is
 * shown only if `fireKey` (one of them) had not fired before. A quota window's reset time can drift by
 * a second between readings (older Codex builds report it relative to each event), so a quota alert also
 * counts as fired when a key of the same window with a reset within `sameWindow.toleranceMs` exists.
 */
export interface AlertCandidate extends AlertText {
  readonly fireKey: string
  readonly record: readonly string[]
  readonly sameWindow?: { readonly prefix: string; readonly resetsAtMs: number; readonly toleranceMs: number }
}

const RESET_TOLERANCE_MS = 10 * 60_000

/**
 * Every alert due for a snapshot, before deduplication (pure: no clock, no database).
 *
 * - Budget thresholds: each level reached (percent ≥ level) is a key `budget:<id>:<periodStart>:<level>`.
 *   When several are reached at once only the highest is announced; the lower ones are recorded with it,
 *   so a later snapshot never announces "50%" after "100%".
 * - Projected overrun: month budgets whose projection exceeds the amount while still under 100 %.
 * - Quota windows the agent reported (not the locally estimated Claude block, whose "percent" is time
 *   elapsed, not usage) at or above `alerts.quotaPercent`, while the window is still live.
 * A budget status from a period that has ended by `now` (a snapshot computed just before midnight)
 * is ignored: its alert would name a day that is already over.
 */
export function dueAlerts(snapshot: UiSnapshot, settings: Settings, now: number): AlertCandidate[] {
  const out: AlertCandidate[] = []
  const calendar = new LocalCalendar(snapshot.timezone)
  const weekStartsOn = snapshot.display?.weekStartsOn ?? settings.display.weekStartsOn
  const display = snapshot.display ?? settings.display
  const thresholds = [...settings.alerts.budgetThresholds].sort((a, b) => a - b)

  for (const b of snapshot.budgets ?? []) {
    if (b.periodStart !== periodStartOf(calendar, now, b.period, weekStartsOn)) continue
    const reached = thresholds.filter((t) => b.percent >= t)
    const top = reached.at(-1)
    if (top !== undefined) {
      const keys = reached.map((t) => `budget:${b.id}:${b.periodStart}:${t}`)
      out.push({ fireKey: keys.at(-1)!, record: keys, ...budgetText(b, top, display) })
    }
    if (settings.alerts.projectedOverrun && b.period === 'month' && b.projectedUsd !== null && b.projectedUsd > b.amountUsd && b.percent < 100) {
      const key = `projected:${b.id}:${b.periodStart}`
      out.push({ fireKey: key, record: [key], ...projectedText(b, b.projectedUsd, display) })
    }
  }

  const limit = settings.alerts.quotaPercent
  if (limit !== null) {
    for (const q of snapshot.quotas) {
      if (q.kind !== 'reported' || q.usedPercent < limit) continue
      const resetsAtMs = q.resetsAt === null ? null : Date.parse(q.resetsAt)
      if (resetsAtMs !== null && resetsAtMs <= now) continue
      const prefix = `quota:${q.provider}:${q.account}:${q.windowId}:`
      // A window with no reset time: once per local day it is observed that full.
      const key = `${prefix}${q.resetsAt ?? calendar.date(Date.parse(q.observedAt))}`
      out.push({
        fireKey: key,
        record: [key],
        ...(resetsAtMs === null ? {} : { sameWindow: { prefix, resetsAtMs, toleranceMs: RESET_TOLERANCE_MS } }),
        ...quotaText(q, snapshot.timezone, now),
      })
    }
  }
  return out
}
