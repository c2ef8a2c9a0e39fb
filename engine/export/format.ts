const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

let int: Intl.NumberFormat | undefined

/** Integer with thousands separators. The format is made on first use: building it loads ICU's number
 * data (~15 ms), which a `--json` run never needs. */
export function fmtInt(n: number): string {
  int ??= new Intl.NumberFormat('en-US')
  return int.format(n)
}

/** Dollars with cents (sub-cent amounts keep 4 decimals); unpriced says so instead of $0. */
export function fmtUsd(n: number | null): string {
  if (n === null) return 'unpriced'
  const abs = Math.abs(n)
  const digits = abs > 0 && abs < 0.01 ? 4 : 2
  return `${n < 0 ? '-' : ''}$${abs.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`
}

export function fmtPerMtok(n: number | null): string {
  return n === null ? '—' : `${fmtUsd(n)} / Mtok`
}

export function fmtMultiple(n: number | null): string {
  return n === null ? '—' : `${n.toFixed(2)}×`
}

/** "May 2026" for a whole calendar month, else the dates. */
export function periodTitle(range: { since: string; until: string }): string {
  const [y, m] = [Number(range.since.slice(0, 4)), Number(range.since.slice(5, 7))]
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  if (range.since.endsWith('-01') && range.until === lastDay) return `${MONTHS[m - 1]} ${y}`
  return range.since === range.until ? range.since : `${range.since} – ${range.until}`
}
