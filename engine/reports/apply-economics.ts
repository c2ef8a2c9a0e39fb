import type { EconomicsSummary, PeriodLine } from '../../common/reports.ts'
import type { EconomicsResult } from '../pricing/index.ts'
import { economicsOf } from './effective-costs.ts'
import { roundUsd } from './period-lines.ts'
import type { ReportContext } from './report-context.ts'
import type { RollupRow } from './rollup-rows.ts'

/**
 * Adds effective costs to period lines: for each period, the economics over that period's local dates
 * (plan fees prorated to them), then per model line its effective cost and $/Mtok.
 */
export function applyEconomics(
  ctx: ReportContext,
  rows: readonly RollupRow[],
  periodOf: (row: RollupRow) => string,
  lines: ReadonlyMap<string, PeriodLine>,
  rangeOf: (key: string) => { since: string; until: string },
): void {
  if (ctx.plans.length === 0) {
    // No subscriptions: everything is paid per token, so the effective cost is the list cost.
    for (const line of lines.values()) {
      line.effectiveCostUsd = line.costUsd ?? 0
      for (const m of line.models) {
        m.effectiveCostUsd = m.costUsd
        const tokens = m.tokens.input + m.tokens.output + m.tokens.cacheRead + m.tokens.cacheWrite
        m.effectiveUsdPerMtok = m.costUsd === null || tokens === 0 ? null : roundUsd((1e6 * m.costUsd) / tokens)
      }
    }
    return
  }
  const rowsByPeriod = new Map<string, RollupRow[]>()
  for (const r of rows) {
    const key = periodOf(r)
    const list = rowsByPeriod.get(key)
    if (list === undefined) rowsByPeriod.set(key, [r])
    else list.push(r)
  }
  for (const [key, line] of lines) {
    const eco = economicsOf(ctx, rowsByPeriod.get(key) ?? [], rangeOf(key))
    line.effectiveCostUsd = roundUsd(eco.totalCostUsd) ?? 0
    for (const m of line.models) {
      const me = eco.models.find((x) => x.provider === m.provider && x.model === m.model)
      m.effectiveCostUsd = roundUsd(me?.effectiveCostUsd ?? null)
      m.effectiveUsdPerMtok = roundUsd(me?.effectiveUsdPerMtok ?? null)
    }
  }
}

/** The report-wide economics summary over the report's whole date range. */
export function economicsSummary(ctx: ReportContext, rows: readonly RollupRow[], range: { since: string; until: string }): EconomicsSummary {
  return summarize(economicsOf(ctx, rows, range))
}

function summarize(eco: EconomicsResult): EconomicsSummary {
  return {
    valueUsd: roundUsd(eco.valueUsd) ?? 0,
    planFeesUsd: roundUsd(eco.planFeesUsd) ?? 0,
    apiSpendUsd: roundUsd(eco.apiSpendUsd) ?? 0,
    multiple: eco.multiple === null ? null : Math.round(eco.multiple * 100) / 100,
    effectiveCostUsd: roundUsd(eco.totalCostUsd) ?? 0,
    blendedGlobalUsdPerMtok: roundUsd(eco.blendedGlobalUsdPerMtok),
    providers: eco.providers.map((p) => ({
      provider: p.provider,
      planFeesUsd: roundUsd(p.planFeesUsd) ?? 0,
      apiSpendUsd: roundUsd(p.apiSpendUsd) ?? 0,
      effectiveCostUsd: roundUsd(p.costUsd) ?? 0,
      blendedProviderUsdPerMtok: roundUsd(p.blendedProviderUsdPerMtok),
      pricingModes: p.pricingModes,
    })),
  }
}
