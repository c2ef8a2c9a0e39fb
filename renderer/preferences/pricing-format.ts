import type { AffectedUsage, PriceComponentName } from '../../common/methods/pricing-methods.ts'
import { formatInteger, formatSpan, formatTokens } from '../format.ts'

/** Labels and formats shared by the Plans and Pricing tabs. */

export const COMPONENTS: readonly { id: PriceComponentName; label: string }[] = [
  { id: 'input', label: 'Input' },
  { id: 'output', label: 'Output' },
  { id: 'cacheRead', label: 'Cache read' },
  { id: 'cacheWrite5m', label: 'Cache write 5 min' },
  { id: 'cacheWrite1h', label: 'Cache write 1 h' },
]

const unitPrice = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 })

/**
 * A vendor's price in US dollars: a unit price per million tokens ("$3.00", "$0.075") or a plan's list
 * price. Prices are entered and compared in USD, as vendors list them: no display-currency conversion,
 * and they are not the user's spend, so "hide amounts" leaves them alone.
 */
export function formatPriceUsd(usdPerMtok: number | null | undefined): string {
  return usdPerMtok === null || usdPerMtok === undefined ? '—' : unitPrice.format(usdPerMtok)
}

/** Inclusive dates, either end open. */
export function formatDates(from: string | null, until: string | null): string {
  if (from === null && until === null) return 'always'
  if (until === null) return `from ${from}`
  if (from === null) return `until ${until}`
  return `${from} – ${until}`
}

/** "12 events · 1.2M tokens · Nov 2 – Nov 23" (UTC days, like the override's dates). */
export function formatAffected(a: AffectedUsage): string {
  if (a.events === 0 || a.firstAt === null || a.lastAt === null) return 'no usage in the ledger'
  return `${formatInteger(a.events, undefined)} ${a.events === 1 ? 'event' : 'events'} · ${formatTokens(a.tokens, undefined)} tokens · ${formatSpan(a.firstAt, a.lastAt, 'UTC', undefined)}`
}

/** Text of a money field: empty is "not given", anything else must be a number (the engine judges its range). */
export function parseAmount(text: string): { ok: true; value: number | undefined } | { ok: false } {
  const t = text.trim().replace(/^\$/, '')
  if (t === '') return { ok: true, value: undefined }
  const n = Number(t)
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false }
}
