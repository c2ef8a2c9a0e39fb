import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { BudgetStatusView, DisplayView, QuotaWindowView } from '../../common/snapshot.ts'
import { PERIOD_WORDS } from './budget-period.ts'

/**
 * Notification wording. Short enough for an OS notification banner; amounts follow the display
 * settings like the popover (currency at the user's rate, and none at all while amounts are hidden —
 * a banner during screen sharing must not show them either). English text, so en-US number formats.
 */
type Money = Pick<DisplayView, 'currency' | 'usdRate' | 'hideAmounts'>
const USD: Money = { currency: 'USD', usdRate: 1, hideAmounts: false }

export interface AlertText {
  readonly title: string
  readonly body: string
}

export function budgetText(b: BudgetStatusView, threshold: number, display: Money = USD): AlertText {
  const words = PERIOD_WORDS[b.period]
  const who = b.provider === null ? 'All agents' : PROVIDER_LABELS[b.provider]
  const title = `${b.provider === null ? words.adjective : `${who} ${words.adjective.toLowerCase()}`} budget ${threshold}% used`
  const pct = `${Math.round(b.percent)}%`
  const body = display.hideAmounts
    ? `${who}: ${pct} of the ${words.adjective.toLowerCase()} budget spent ${words.current}`
    : `${who}: ${money(b.spentUsd, display)} of ${money(b.amountUsd, display)} ${words.current} (${pct})`
  return { title, body }
}

export function projectedText(b: BudgetStatusView, projectedUsd: number, display: Money = USD): AlertText {
  const who = b.provider === null ? 'All agents' : PROVIDER_LABELS[b.provider]
  const title = `${b.provider === null ? 'Monthly' : `${who} monthly`} budget on track to overrun`
  const body = display.hideAmounts
    ? `${who}: at this pace the month ends at ${Math.round((projectedUsd / b.amountUsd) * 100)}% of the budget`
    : `${who}: ${money(b.spentUsd, display)} so far, heading for ${money(projectedUsd, display)} of ${money(b.amountUsd, display)} by month end`
  return { title, body }
}

export function quotaText(q: QuotaWindowView, timezone: string, now: number): AlertText {
  const title = `${PROVIDER_LABELS[q.provider]} ${q.label} ${Math.round(q.usedPercent)}% used`
  if (q.resetsAt === null) return { title, body: 'The agent did not say when the window resets.' }
  const at = Date.parse(q.resetsAt)
  const when = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(at - now >= 86_400_000 ? { weekday: 'short' } : {}) }).format(at)
  return { title, body: `Resets in ${duration(at - now)} (${when}).` }
}

function money(usd: number, display: Money): string {
  const options = { style: 'currency', minimumFractionDigits: 2, maximumFractionDigits: 2 } as const
  try {
    return new Intl.NumberFormat('en-US', { ...options, currency: display.currency }).format(usd * display.usdRate)
  } catch {
    return new Intl.NumberFormat('en-US', { ...options, currency: 'USD' }).format(usd)
  }
}

/** "2h 13m", "3d 5h", "45m". */
function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return `${days}d ${hours}h`
  if (hours > 0) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`
  return `${minutes}m`
}
