import type { Budget } from '../../common/settings.ts'
import type { BudgetStatusView } from '../../common/snapshot.ts'
import { roundUsd } from '../reports/period-lines.ts'
import type { ReportContext } from '../reports/report-context.ts'
import { loadRollupRows } from '../reports/rollup-rows.ts'
import { rowCost } from '../reports/row-cost.ts'
import { nextMonthStart, periodStartOf } from './budget-period.ts'

const DAY_MS = 86_400_000
/** Projections start on the 4th: one or two days of spend say too little about a whole month. */
const MIN_PROJECTION_MS = 3 * DAY_MS

/**
 * Where each budget stands in its current local period. Spend is list-price cost computed exactly as
 * the snapshot's period figures are (same rollup rows in the same order, same row cost, same rounding),
 * so an all-agents daily budget shows the very number the popover shows for today.
 */
export function budgetStatuses(ctx: ReportContext, budgets: readonly Budget[]): BudgetStatusView[] {
  if (budgets.length === 0) return []
  const { calendar, now } = ctx
  const weekStartsOn = ctx.weekStartsOn ?? 1
  const starts = budgets.map((b) => periodStartOf(calendar, now, b.period, weekStartsOn))
  const earliest = starts.reduce((a, b) => (a < b ? a : b))
  const today = calendar.today(now)
  // Up to the end of today, like the snapshot (a row stamped later today still counts for today).
  const rows = loadRollupRows(ctx.db, { fromMs: calendar.startOfDay(earliest), toMs: calendar.endOfDay(today) }).map((row) => ({
    provider: row.provider,
    date: calendar.date(row.startMs),
    cost: rowCost(ctx.pricer, row),
  }))
  return budgets.map((budget, i) => {
    const periodStart = starts[i]!
    let spent = 0
    for (const r of rows) {
      if (r.cost === null || r.date < periodStart) continue
      if (budget.provider !== null && r.provider !== budget.provider) continue
      spent += r.cost
    }
    const spentUsd = roundUsd(spent) ?? 0
    return {
      id: budget.id,
      period: budget.period,
      provider: budget.provider,
      amountUsd: budget.amountUsd,
      periodStart,
      spentUsd,
      percent: Math.round((spentUsd / budget.amountUsd) * 100 * 100) / 100,
      projectedUsd: budget.period === 'month' ? projectMonth(ctx, periodStart, spentUsd) : null,
    }
  })
}

/**
 * Month-end spend at the pace so far: spent ÷ time elapsed × the month's length (measured between local
 * midnights, so a DST month is 1 hour shorter or longer). Null during the first three days — a single
 * heavy day would project an alarming month — and when nothing was spent (nothing to extrapolate).
 */
function projectMonth(ctx: ReportContext, monthStart: string, spentUsd: number): number | null {
  const start = ctx.calendar.startOfDay(monthStart)
  const end = ctx.calendar.startOfDay(nextMonthStart(monthStart))
  const elapsed = ctx.now - start
  if (spentUsd <= 0 || elapsed < MIN_PROJECTION_MS) return null
  return roundUsd((spentUsd * (end - start)) / elapsed)
}
