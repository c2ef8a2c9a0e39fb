import type { PeriodFigure } from '../../common/snapshot.ts'
import { addReportTokens, emptyReportTokens, toReportTokens, totalTokens } from '../../common/tokens.ts'
import type { Pricer } from '../pricing/index.ts'
import type { RollupRow } from '../reports/rollup-rows.ts'
import { roundUsd } from '../reports/period-lines.ts'

export function emptyFigure(): PeriodFigure {
  return { costUsd: 0, effectiveCostUsd: 0, tokens: emptyReportTokens(), requests: 0, unpricedTokens: 0 }
}

/**
 * Adds one row to a period figure. `effectiveCostUsd` is what the user pays for it: the list cost for
 * per-token usage, the row's share of its plan fee for subscription usage (given by `effective`).
 */
export function addRow(f: PeriodFigure, row: RollupRow, cost: number | null, effective: number | null): void {
  f.requests += row.requests
  addReportTokens(f.tokens, toReportTokens(row.tokens))
  if (cost === null) f.unpricedTokens += totalTokens(row.tokens)
  else f.costUsd += cost
  f.effectiveCostUsd += effective ?? cost ?? 0
}

export function roundFigure(f: PeriodFigure): PeriodFigure {
  return { ...f, costUsd: roundUsd(f.costUsd) ?? 0, effectiveCostUsd: roundUsd(f.effectiveCostUsd) ?? 0 }
}

export type { Pricer }
