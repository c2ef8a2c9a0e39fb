import { totalTokens } from '../../common/tokens.ts'
import { computeEconomics, type EconomicsResult, type EconomicsRow } from '../pricing/index.ts'
import type { ReportContext } from './report-context.ts'
import type { RollupRow } from './rollup-rows.ts'
import { rowCost } from './row-cost.ts'

/**
 * Blended economics of a set of rollup rows over a period of local dates: what the user really paid
 * (plan fees spread over covered usage by value, plus per-token spend), row by row. Without plans every
 * row's effective cost is its list cost.
 */
export function economicsOf(ctx: ReportContext, rows: readonly RollupRow[], period: { since: string; until: string }): EconomicsResult {
  const input: EconomicsRow[] = rows.map((r) => ({
    provider: r.provider,
    account: r.account,
    project: r.project === '' ? null : r.project,
    model: ctx.pricer.resolve(r.provider, r.modelRaw).canonical,
    tsMs: r.startMs,
    costUsd: rowCost(ctx.pricer, r),
    tokens: totalTokens(r.tokens),
  }))
  return computeEconomics({ period, timezone: ctx.calendar.timezone, rows: input, plans: ctx.plans, rules: ctx.rules })
}
