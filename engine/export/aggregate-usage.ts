import { roundUsd } from '../reports/period-lines.ts'
import type { ExportRow, ExportTokens } from './export-types.ts'
import type { PricedUsage } from './priced-usage.ts'

/** What a line is keyed by. Dimensions not listed stay null in the line (a project line has no model). */
export type Dim = 'period' | 'project' | 'session' | 'provider' | 'model'

export function emptyExportTokens(): ExportTokens {
  return { input: 0, output: 0, cacheWrite: 0, cacheRead: 0, reasoning: 0, total: 0 }
}

/** Adds a usage row's tokens (cache writes summed, as in reports) into an accumulator. */
export function addUsageTokens(acc: ExportTokens, u: PricedUsage): void {
  const t = u.tokens
  const cacheWrite = t.cacheWrite5m + t.cacheWrite1h
  acc.input += t.input
  acc.output += t.output
  acc.cacheWrite += cacheWrite
  acc.cacheRead += t.cacheRead
  acc.reasoning += t.reasoning
  acc.total += t.input + t.output + cacheWrite + t.cacheRead
}

/** Adds nullable money: null + null stays null (unpriced), anything priced counts. */
export function addUsd(acc: number | null, v: number | null): number | null {
  return v === null ? acc : (acc ?? 0) + v
}

interface Acc {
  row: ExportRow
  cost: number | null
  effective: number | null
  lastTs: number
}

/**
 * Groups priced usage into export lines by the given dimensions. Sums are exact and rounded once per line.
 * Order: chronological for periods, most recent first for sessions, by path for projects; then by cost,
 * then by tokens.
 */
export function aggregateUsage(usage: readonly PricedUsage[], dims: readonly Dim[], periodOf: (u: PricedUsage) => string | null = () => null): ExportRow[] {
  const has = (d: Dim): boolean => dims.includes(d)
  const groups = new Map<string, Acc>()
  for (const u of usage) {
    const period = has('period') ? periodOf(u) : null
    const key = [period, has('project') ? u.project : null, has('session') ? u.sessionId : null, has('provider') ? u.provider : null, has('model') ? u.model : null].join('\u0000')
    let g = groups.get(key)
    if (g === undefined) {
      g = {
        row: {
          period,
          // A session keeps the project it was first seen in (as the sessions report shows it).
          project: has('project') || has('session') ? u.project : null,
          sessionId: has('session') ? u.sessionId : null,
          provider: has('provider') ? u.provider : null,
          model: has('model') ? u.model : null,
          requests: 0,
          tokens: emptyExportTokens(),
          costUsd: null,
          effectiveCostUsd: null,
        },
        cost: null,
        effective: null,
        lastTs: u.lastTs,
      }
      groups.set(key, g)
    }
    g.row.requests += u.requests
    addUsageTokens(g.row.tokens, u)
    g.cost = addUsd(g.cost, u.costUsd)
    g.effective = addUsd(g.effective, u.effectiveCostUsd)
    g.lastTs = Math.max(g.lastTs, u.lastTs)
  }
  const sessionLast = new Map<string, number>()
  for (const g of groups.values()) {
    const id = g.row.sessionId ?? ''
    sessionLast.set(id, Math.max(sessionLast.get(id) ?? 0, g.lastTs))
  }
  const rows = [...groups.values()].map((g) => ({ ...g.row, costUsd: roundUsd(g.cost), effectiveCostUsd: roundUsd(g.effective) }))
  return rows.sort(
    (a, b) =>
      cmp(a.period, b.period) ||
      (sessionLast.get(b.sessionId ?? '') ?? 0) - (sessionLast.get(a.sessionId ?? '') ?? 0) ||
      cmp(a.sessionId, b.sessionId) ||
      cmp(a.project, b.project) ||
      (b.costUsd ?? -1) - (a.costUsd ?? -1) ||
      b.tokens.total - a.tokens.total ||
      cmp(a.provider, b.provider) ||
      cmp(a.model, b.model),
  )
}

function cmp(a: string | null, b: string | null): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0
}
