/**
 * Intl formatters are expensive to create (~0.1 ms each in Chromium) and every snapshot re-renders
 * dozens of numbers: keep one per locale and options.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>()

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(kind: string, locale: string | undefined, options: object, make: () => F): F {
  const key = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (f === undefined) {
    f = make()
    formatters.set(key, f)
  }
  return f as F
}

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached('n', locale, options, () => new Intl.NumberFormat(locale, options))
}

function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options))
}

function relativeTimeFormat(locale: string | undefined, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return cached('r', locale, options, () => new Intl.RelativeTimeFormat(locale, options))
}

/**
 * Display formatting for the popover. Every helper takes the locale explicitly (undefined = the user's
 * own locale, as the app does) so unit and e2e tests can pin `en-US` and compare screen text with the
 * engine's numbers formatted the same way.
 */
type Locale = string | undefined

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * How money is shown: the user's display currency and rate, and screen-sharing mode (Preferences →
 * Display). Every figure in the app is USD; the conversion happens only here, at the last step. Set
 * from each snapshot (`snapshot.display`) before the views render it.
 */
export interface MoneyDisplay {
  readonly currency: string
  readonly usdRate: number
  readonly hideAmounts: boolean
}
export const USD_DISPLAY: MoneyDisplay = { currency: 'USD', usdRate: 1, hideAmounts: false }
/** What replaces every amount while amounts are hidden. */
export const HIDDEN_AMOUNT = '•••'
let money: MoneyDisplay = USD_DISPLAY

export function setMoneyDisplay(next: MoneyDisplay | undefined): void {
  money = next === undefined ? USD_DISPLAY : { currency: next.currency, usdRate: next.usdRate, hideAmounts: next.hideAmounts }
}

/**
 * A USD amount in the display currency, with cents; non-zero amounts under a cent read "<$0.01" so they
 * never look like zero. Dots while amounts are hidden.
 */
export function formatUsd(value: number, locale: Locale): string {
  if (money.hideAmounts) return HIDDEN_AMOUNT
  const fmt = currencyFormat(locale, money.currency)
  const converted = value * money.usdRate
  if (converted > 0 && converted < 0.005) return `<${fmt.format(0.01)}`
  return fmt.format(converted)
}

/** A malformed currency code (it passed the settings schema but Intl rejects it) falls back to USD. */
function currencyFormat(locale: Locale, currency: string): Intl.NumberFormat {
  try {
    return numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 })
  } catch {
    return numberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 })
  }
}

/** Token counts in compact notation ("1.2M", "950K"): the popover is 380 px wide. */
export function formatTokens(value: number, locale: Locale): string {
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)
}

/** Exact integers with grouping, for tooltips and titles. */
export function formatInteger(value: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value)
}

/** A 0..1 ratio as a whole percentage; shares under 1 % but above 0 keep one decimal. */
export function formatRatio(ratio: number, locale: Locale): string {
  const digits = ratio > 0 && ratio < 0.01 ? 1 : 0
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(ratio)
}

/** A quota's used percentage (0..100 as the agents report it). */
export function formatUsedPercent(percent: number, locale: Locale): string {
  return formatRatio(percent / 100, locale)
}

/**
 * A list-price cost that may be unknown. Unpriced usage is never shown as $0: it reads
 * "unpriced · 1.2M tokens" so the user sees how much usage the figure leaves out.
 */
export function formatCostOrUnpriced(costUsd: number | null, tokens: number, locale: Locale): string {
  if (costUsd === null) return `unpriced · ${formatTokens(tokens, locale)} tokens`
  return formatUsd(costUsd, locale)
}

export function formatUsdPerMtok(value: number, locale: Locale): string {
  return `${formatUsd(value, locale)}/Mtok`
}

/** "6.1×": how many times the plan fee the usage would cost at list price. */
export function formatMultiple(value: number, locale: Locale): string {
  return `${numberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value)}×`
}

/**
 * Time left until a quota window resets. Seconds are shown under an hour, where the countdown is worth
 * watching; days above 48 h. Zero or less reads "now" (the caller hides passed windows anyway).
 */
export function formatCountdown(ms: number): string {
  if (ms <= 0) return 'now'
  const totalSeconds = Math.floor(ms / 1000)
  const days = Math.floor(ms / DAY)
  const hours = Math.floor((ms % DAY) / HOUR)
  const minutes = Math.floor((ms % HOUR) / MINUTE)
  const seconds = totalSeconds % 60
  if (ms >= 48 * HOUR) return `${days}d ${hours}h`
  if (ms >= HOUR) return `${Math.floor(ms / HOUR)}h ${String(minutes).padStart(2, '0')}m`
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`
}

/** "3 minutes ago", in the user's language. Future instants (clock skew) read as "now". */
export function formatAgo(ms: number, locale: Locale): string {
  const rtf = relativeTimeFormat(locale, { numeric: 'auto' })
  if (ms < MINUTE) return rtf.format(0, 'second')
  if (ms < HOUR) return rtf.format(-Math.floor(ms / MINUTE), 'minute')
  if (ms < DAY) return rtf.format(-Math.floor(ms / HOUR), 'hour')
  return rtf.format(-Math.floor(ms / DAY), 'day')
}

/** An instant as date and time in the snapshot's time zone ("Jun 3, 14:05"). */
export function formatDateTime(iso: string, timeZone: string, locale: Locale): string {
  return dateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
}

/** An instant's time of day in the snapshot's time zone ("14:05"). */
export function formatTime(iso: string, timeZone: string, locale: Locale): string {
  return dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
}

/** A local calendar date YYYY-MM-DD ("Jun 3"); it is already local, so it is formatted as UTC. */
export function formatDay(date: string, locale: Locale): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(new Date(`${date}T00:00:00Z`))
}

/** First to last activity: a time range within one local day, a date range otherwise. */
export function formatSpan(firstAt: string, lastAt: string, timeZone: string, locale: Locale): string {
  const day = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  if (day.format(new Date(firstAt)) === day.format(new Date(lastAt))) {
    const date = dateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric' }).format(new Date(firstAt))
    return `${date}, ${formatTime(firstAt, timeZone, locale)}–${formatTime(lastAt, timeZone, locale)}`
  }
  const date = dateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric' })
  return `${date.format(new Date(firstAt))} – ${date.format(new Date(lastAt))}`
}
