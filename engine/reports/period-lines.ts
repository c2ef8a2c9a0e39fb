import type { ModelLine, PeriodLine } from '../../common/reports.ts'
import { addReportTokens, emptyReportTokens, reportTokensTotal, toReportTokens } from '../../common/tokens.ts'
import type { Pricer } from '../pricing/index.ts'
import type { RollupRow } from './rollup-rows.ts'
import { rowCost } from './row-cost.ts'

/**
 * Groups rollup rows into periods (days, weeks, months…) and, inside each, into provider × canonical
 * model lines, pricing each row at the price in force at its time and its prompt-size bucket.
 * A line's cost is null when none of its rows could be priced: unpriced is never shown as $0.
 */
export function aggregatePeriods(rows: readonly RollupRow[], periodOf: (row: RollupRow) => string, pricer: Pricer): Map<string, PeriodLine> {
  const periods = new Map<string, { line: PeriodLine; models: Map<string, ModelLine> }>()
  for (const row of rows) {
    const key = periodOf(row)
    let p = periods.get(key)
    if (p === undefined) {
      p = { line: { tokens: emptyReportTokens(), requests: 0, costUsd: null, models: [] }, models: new Map() }
      periods.set(key, p)
    }
    const canonical = pricer.resolve(row.provider, row.modelRaw).canonical
    const modelKey = `${row.provider}\u0000${canonical}`
    let m = p.models.get(modelKey)
    if (m === undefined) {
      m = { provider: row.provider, model: canonical, requests: 0, tokens: emptyReportTokens(), costUsd: null }
      p.models.set(modelKey, m)
    }
    const tokens = toReportTokens(row.tokens)
    const cost = rowCost(pricer, row)
    m.requests += row.requests
    addReportTokens(m.tokens, tokens)
    p.line.requests += row.requests
    addReportTokens(p.line.tokens, tokens)
    if (cost !== null) {
      m.costUsd = (m.costUsd ?? 0) + cost
      p.line.costUsd = (p.line.costUsd ?? 0) + cost
    }
  }
  const out = new Map<string, PeriodLine>()
  for (const [key, p] of [...periods].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    p.line.models = [...p.models.values()].sort(byCostThenTokens).map((m) => ({ ...m, costUsd: roundUsd(m.costUsd) }))
    unroundedCost.set(p.line, p.line.costUsd)
    p.line.costUsd = roundUsd(p.line.costUsd)
    out.set(key, p.line)
  }
  return out
}

/** Exact (unrounded) cost of each period line, so totals never add up already-rounded figures. */
const unroundedCost = new WeakMap<PeriodLine, number | null>()

/** Sums period lines into report totals, rounding once at the end. */
export function totalsOf(lines: Iterable<PeriodLine>): { requests: number; tokens: ReturnType<typeof emptyReportTokens>; costUsd: number | null } {
  const totals = { requests: 0, tokens: emptyReportTokens(), costUsd: null as number | null }
  for (const l of lines) {
    totals.requests += l.requests
    addReportTokens(totals.tokens, l.tokens)
    const cost = unroundedCost.has(l) ? unroundedCost.get(l)! : l.costUsd
    if (cost !== null) totals.costUsd = (totals.costUsd ?? 0) + cost
  }
  totals.costUsd = roundUsd(totals.costUsd)
  return totals
}

/** Money is reported to the micro-dollar: enough for per-request costs, free of float noise. */
export function roundUsd(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1e6) / 1e6
}

function byCostThenTokens(a: ModelLine, b: ModelLine): number {
  return (b.costUsd ?? -1) - (a.costUsd ?? -1) || reportTokensTotal(b.tokens) - reportTokensTotal(a.tokens) || a.model.localeCompare(b.model)
}
