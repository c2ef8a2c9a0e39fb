import type { DrilldownRow } from '../../common/reports.ts'
import { addReportTokens, emptyReportTokens, toReportTokens, type TokenCounts } from '../../common/tokens.ts'
import { roundUsd } from './period-lines.ts'

/** A priced row of any granularity, reduced to what a grouped listing needs. */
export interface PricedRow {
  readonly key: string
  readonly label: string
  readonly requests: number
  readonly tokens: TokenCounts
  readonly costUsd: number | null
  /** What the usage really cost (plan fees blended in); null when unpriced. */
  readonly effectiveCostUsd: number | null
  readonly firstTs: number
  readonly lastTs: number
}

/** Groups priced rows by key into drilldown rows, sorted by cost then tokens. */
export function groupRows(rows: Iterable<PricedRow>): DrilldownRow[] {
  const groups = new Map<string, { row: DrilldownRow; first: number; last: number; cost: number | null; effective: number | null }>()
  for (const r of rows) {
    let g = groups.get(r.key)
    if (g === undefined) {
      g = {
        row: { key: r.key, label: r.label, requests: 0, tokens: emptyReportTokens(), costUsd: null, cacheHitRatio: null, firstAt: '', lastAt: '' },
        first: r.firstTs,
        last: r.lastTs,
        cost: null,
        effective: null,
      }
      groups.set(r.key, g)
    }
    g.row.requests += r.requests
    addReportTokens(g.row.tokens, toReportTokens(r.tokens))
    if (r.costUsd !== null) g.cost = (g.cost ?? 0) + r.costUsd
    if (r.effectiveCostUsd !== null) g.effective = (g.effective ?? 0) + r.effectiveCostUsd
    if (r.firstTs < g.first) g.first = r.firstTs
    if (r.lastTs > g.last) g.last = r.lastTs
  }
  const out: DrilldownRow[] = []
  for (const g of groups.values()) {
    const t = g.row.tokens
    const prompt = t.input + t.cacheRead + t.cacheWrite
    out.push({
      ...g.row,
      costUsd: roundUsd(g.cost),
      effectiveCostUsd: roundUsd(g.effective),
      cacheHitRatio: prompt > 0 ? t.cacheRead / prompt : null,
      firstAt: new Date(g.first).toISOString(),
      lastAt: new Date(g.last).toISOString(),
    })
  }
  return out.sort((a, b) => (b.costUsd ?? -1) - (a.costUsd ?? -1) || b.requests - a.requests || a.key.localeCompare(b.key))
}
