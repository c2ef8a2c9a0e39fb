import type { QuotaWindowView } from '../../common/snapshot.ts'
import type { ProviderId } from '../../common/providers.ts'
import type { Db } from '../store/open-ledger.ts'

interface Raw {
  provider: ProviderId
  account: string
  window_id: string
  observed_ts: number
  used_percent: number
  window_minutes: number | null
  resets_at: number | null
  plan_type: string | null
}

/**
 * The latest reading of every quota window the agents reported, dropping windows whose reset time has
 * passed (a stale "94 %" after the reset would be worse than nothing).
 */
export function reportedQuotas(db: Db, now: number): QuotaWindowView[] {
  const rows = db
    .prepare<[], Raw>(
      `SELECT l.* FROM limit_readings l JOIN (
         SELECT provider, account, window_id, max(observed_ts) AS ts FROM limit_readings GROUP BY provider, account, window_id
       ) m ON m.provider = l.provider AND m.account = l.account AND m.window_id = l.window_id AND m.ts = l.observed_ts`,
    )
    .all()
  return rows
    .filter((r) => r.resets_at === null || r.resets_at > now)
    .map((r) => ({
      provider: r.provider,
      account: r.account,
      windowId: r.window_id,
      label: windowLabel(r.window_minutes, r.window_id),
      usedPercent: r.used_percent,
      windowMinutes: r.window_minutes,
      resetsAt: r.resets_at === null ? null : new Date(r.resets_at).toISOString(),
      kind: 'reported' as const,
      observedAt: new Date(r.observed_ts).toISOString(),
    }))
    .sort((a, b) => b.usedPercent - a.usedPercent)
}

/** "5h window", "weekly window"… from the window length the agent reported. */
export function windowLabel(minutes: number | null, fallback: string): string {
  if (minutes === null) return `${fallback} window`
  if (minutes === 10080) return 'weekly window'
  if (minutes % 1440 === 0) return `${minutes / 1440}-day window`
  if (minutes % 60 === 0) return `${minutes / 60}h window`
  return `${minutes}-min window`
}
