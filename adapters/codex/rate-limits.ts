import type { LimitReading } from '../../common/usage-event.ts'
import { finiteNumber, isRecord, nonEmptyString } from './json.ts'

const WINDOWS = ['primary', 'secondary'] as const

export interface LimitParse {
  readonly readings: LimitReading[]
  /** Windows present but unreadable (no numeric `used_percent`). */
  readonly bad: number
}

/**
 * Quota samples from a token_count's `rate_limits` (`{primary, secondary, credits, plan_type, limit_id?}`).
 * `resets_at` is unix SECONDS; older builds wrote `resets_in_seconds` relative to the event instead. A
 * window that is null (API-key sessions, a plan without that window) is simply absent. Builds that add
 * `limit_id` may log several limit families; a family other than the default `codex` is kept apart by
 * prefixing its id to the window id.
 */
export function readRateLimits(value: unknown, observedTs: number, account: string): LimitParse {
  if (!isRecord(value)) return { readings: [], bad: 0 }
  const planType = nonEmptyString(value['plan_type'])
  const limitId = nonEmptyString(value['limit_id'])
  const family = limitId === null || limitId === 'codex' ? '' : `${limitId}:`
  const readings: LimitReading[] = []
  let bad = 0
  for (const name of WINDOWS) {
    const w = value[name]
    if (w === null || w === undefined) continue
    const usedPercent = isRecord(w) ? finiteNumber(w['used_percent']) : null
    if (!isRecord(w) || usedPercent === null) {
      bad++
      continue
    }
    readings.push({
      provider: 'codex',
      account,
      windowId: `${family}${name}`,
      observedTs,
      usedPercent,
      windowMinutes: finiteNumber(w['window_minutes']),
      resetsAt: resetsAt(w, observedTs),
      planType,
    })
  }
  return { readings, bad }
}

function resetsAt(w: Record<string, unknown>, observedTs: number): number | null {
  const at = finiteNumber(w['resets_at'])
  if (at !== null) return Math.round(at * 1000)
  const inSeconds = finiteNumber(w['resets_in_seconds'])
  return inSeconds === null ? null : observedTs + Math.round(inSeconds * 1000)
}
