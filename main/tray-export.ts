import type { ExportOutcome, ExportRequest } from '../common/methods/export-methods.ts'

/** The exports the tray menu offers directly: this month's report, without opening the popover. */
export type TrayExportChoice = 'html' | 'pdf' | 'csv'

/**
 * This month so far as local dates in the engine's zone (the snapshot's): `{ since: 'YYYY-MM-01', until:
 * today }`. An unknown zone falls back to UTC rather than failing the menu item.
 */
export function thisMonthRange(now: Date, timezone: string): { since: string; until: string } {
  let today: string
  try {
    today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
  } catch {
    today = now.toISOString().slice(0, 10)
  }
  return { since: `${today.slice(0, 8)}01`, until: today }
}

/** The invoice views group by provider (plan fees, API spend, value per agent); the CSV is tidy per day. */
export function trayExportRequest(choice: TrayExportChoice, now: Date, timezone: string): ExportRequest {
  return { format: choice, group: choice === 'csv' ? 'day' : 'provider', ...thisMonthRange(now, timezone) }
}

/** What the user is told when a tray export finishes (there is no window to show it in). */
export function trayExportMessage(outcome: ExportOutcome): { title: string; body: string } | null {
  if (outcome.ok) return { title: 'Report exported', body: outcome.path }
  if (outcome.canceled) return null
  return { title: 'Export failed', body: outcome.message }
}
