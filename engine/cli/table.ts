/** Renders an aligned plain-text table: first column left-aligned, the rest right-aligned (numbers). */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], totals?: readonly string[]): string {
  const all = totals ? [header, ...rows, totals] : [header, ...rows]
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
  const line = (r: readonly string[]): string =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd()
  const rule = widths.map((w) => '─'.repeat(w)).join('  ')
  const out = [line(header), rule, ...rows.map(line)]
  if (totals) out.push(rule, line(totals))
  return out.join('\n')
}

export { fmtInt } from '../export/format.ts'

/** Dollars with cents; sub-cent amounts keep 4 decimals so small requests do not read as $0.00. */
export function fmtUsd(n: number | null): string {
  if (n === null) return 'unpriced'
  const abs = Math.abs(n)
  return `$${abs > 0 && abs < 0.01 ? n.toFixed(4) : n.toFixed(2)}`
}
