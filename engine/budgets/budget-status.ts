import type { Budget } from '../../common/settings.ts'
import type { BudgetStatusView } from '../../common/snapshot.ts'
import type { ReportContext } from '../reports/report-context.ts'

/** Where each budget stands in its current period. (Placeholder: computed by the budgets module.) */
export function budgetStatuses(_ctx: ReportContext, _budgets: readonly Budget[]): BudgetStatusView[] {
  return []
}
