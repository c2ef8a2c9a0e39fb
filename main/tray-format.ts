import { PROVIDER_LABELS, type ProviderId } from '../common/providers.ts'
import type { EngineStatus } from '../common/renderer-api.ts'
import type { TrayMetric as TrayMetricSetting } from '../common/settings.ts'
import type { PeriodFigure, QuotaWindowView, UiSnapshot } from '../common/snapshot.ts'

/** What the macOS menu-bar text shows (Preferences → Display). */
export type TrayMetric = TrayMetricSetting

export interface TrayDisplay {
  /** BCP 47 locale for number formatting (Electron's `app.getLocale()`). */
  readonly locale: string
  readonly metric: TrayMetric
  /** Screen-sharing mode: money is replaced by dots everywhere in the tray. */
  readonly hideAmounts: boolean
  /** Display currency (ISO 4217) and its units per USD; figures arrive in USD. */
  readonly currency: string
  readonly usdRate: number
}

export const DEFAULT_TRAY_DISPLAY: TrayDisplay = { locale: 'en-US', metric: 'today', hideAmounts: false, currency: 'USD', usdRate: 1 }

/** The tray's display from the snapshot's settings (the user's choices) and the OS locale. */
export function trayDisplayOf(snapshot: UiSnapshot | null, locale: string): TrayDisplay {
  const d = snapshot?.display
  if (d === undefined) return { ...DEFAULT_TRAY_DISPLAY, locale }
  return { locale, metric: d.trayMetric, hideAmounts: d.hideAmounts, currency: d.currency, usdRate: d.usdRate }
}

export const HIDDEN_AMOUNT = '•••'
export const NO_READING = '—'
/** Windows truncates tray tooltips at 127 characters (NOTIFYICONDATA.szTip). */
export const TOOLTIP_MAX = 127

const formatters = new Map<string, Intl.NumberFormat>()

/** Intl formatters are costly to build; a bad locale string falls back to en-US instead of throwing. */
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let found = formatters.get(key)
  if (!found) {
    try {
      found = new Intl.NumberFormat(locale, options)
    } catch {
      found = new Intl.NumberFormat('en-US', options)
    }
    formatters.set(key, found)
  }
  return found
}

/** A USD amount in the display currency (converted at the user's rate). */
export function formatMoney(amountUsd: number, display: TrayDisplay): string {
  return currencyFormatter(display).format(amountUsd * display.usdRate)
}

/** A bad currency code falls back to USD, like a bad locale falls back to en-US: the tray never throws. */
function currencyFormatter(display: TrayDisplay): Intl.NumberFormat {
  try {
    return formatter(display.locale, { style: 'currency', currency: display.currency })
  } catch {
    return formatter(display.locale, { style: 'currency', currency: 'USD' })
  }
}

export function formatPercent(usedPercent: number, locale: string): string {
  return formatter(locale, { style: 'percent', maximumFractionDigits: 0 }).format(usedPercent / 100)
}

/**
 * A period's list-price spend. A trailing "+" means "at least": some tokens have no known price and
 * are left out rather than counted as $0.
 */
export function formatSpend(figure: PeriodFigure, display: TrayDisplay): string {
  if (display.hideAmounts) return HIDDEN_AMOUNT
  return formatMoney(figure.costUsd, display) + (figure.unpricedTokens > 0 ? '+' : '')
}

/** Effective cost per million tokens this month ("$3.21/M"); "—" before any usage. */
export function formatBlended(usdPerMtok: number | null, display: TrayDisplay): string {
  if (display.hideAmounts) return HIDDEN_AMOUNT
  return usdPerMtok === null ? NO_READING : `${formatMoney(usdPerMtok, display)}/M`
}

/** "<1m", "45m", "1h 12m", "2d 3h": compact enough for a tooltip line. */
export function formatCountdown(ms: number): string {
  if (ms < 60_000) return '<1m'
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 60) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours}h ${minutes % 60}m`
  return `${Math.floor(hours / 24)}d ${hours % 24}h`
}

/** Quota readings whose reset has passed are stale (the agent re-sends old values): drop them. */
export function liveQuotas(quotas: readonly QuotaWindowView[], now: Date): QuotaWindowView[] {
  return quotas.filter((q) => q.resetsAt === null || Date.parse(q.resetsAt) > now.getTime())
}

/** The window that resets soonest (the one the user is racing); windows without a reset time come last. */
export function nearestQuota(quotas: readonly QuotaWindowView[], now: Date): QuotaWindowView | null {
  const resetMs = (q: QuotaWindowView): number => (q.resetsAt === null ? Number.POSITIVE_INFINITY : Date.parse(q.resetsAt))
  const sorted = liveQuotas(quotas, now).sort((a, b) => resetMs(a) - resetMs(b) || b.usedPercent - a.usedPercent)
  return sorted[0] ?? null
}

/** "Codex CLI" → "Codex", "Claude Code" → "Claude": the tray has no room for the product suffix. */
export function shortProviderName(provider: ProviderId): string {
  return PROVIDER_LABELS[provider].replace(/ (CLI|Code)$/, '')
}

/** "Codex 5h window 72% · resets in 1h 12m"; "≈" marks a locally estimated window. */
export function quotaLine(q: QuotaWindowView, locale: string, now: Date): string {
  const name = shortProviderName(q.provider)
  const label = q.label.toLowerCase().startsWith(name.toLowerCase()) ? q.label : `${name} ${q.label}`
  const percent = `${q.kind === 'estimate' ? '≈' : ''}${formatPercent(q.usedPercent, locale)}`
  const reset = q.resetsAt === null ? '' : ` · resets in ${formatCountdown(Date.parse(q.resetsAt) - now.getTime())}`
  return `${label} ${percent}${reset}`
}

/** The macOS menu-bar text. */
export function trayTitle(snapshot: UiSnapshot | null, display: TrayDisplay, now: Date): string {
  if (!snapshot) return NO_READING
  switch (display.metric) {
    case 'today':
      return formatSpend(snapshot.today, display)
    case 'month':
      return formatSpend(snapshot.month, display)
    case 'blended':
      return formatBlended(snapshot.blendedUsdPerMtok, display)
    case 'quota': {
      // A percentage is not an amount, so it stays visible in hidden-amounts mode.
      const q = nearestQuota(snapshot.quotas, now)
      return q ? formatPercent(q.usedPercent, display.locale) : formatSpend(snapshot.today, display)
    }
    default:
      return display.metric satisfies never
  }
}

/** The hover text, the only text Windows and Linux trays can show: today, month to date, nearest quota. */
export function trayTooltip(snapshot: UiSnapshot | null, status: EngineStatus, display: TrayDisplay, now: Date): string {
  const lines: string[] = []
  if (status.state === 'restarting') lines.push('TokenLedger: engine restarting…')
  // The full reason is in the popover; the tooltip has 127 characters for everything.
  if (status.state === 'down') lines.push('TokenLedger: engine stopped (Refresh retries)')
  if (!snapshot) {
    if (lines.length === 0) lines.push('TokenLedger: waiting for the first reading…')
    return clip(lines.join('\n'))
  }
  if (snapshot.engineState === 'error' && snapshot.error) lines.push(snapshot.error.message)
  if (snapshot.engineState === 'backfilling') lines.push('Reading your agents’ history…')
  lines.push(`Today ${formatSpend(snapshot.today, display)} · Month ${formatSpend(snapshot.month, display)}`)
  const q = nearestQuota(snapshot.quotas, now)
  if (q) lines.push(quotaLine(q, display.locale, now))
  return clip(lines.join('\n'))
}

function clip(text: string): string {
  return text.length <= TOOLTIP_MAX ? text : `${text.slice(0, TOOLTIP_MAX - 1)}…`
}
