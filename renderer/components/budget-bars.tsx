import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { BudgetStatusView } from '../../common/snapshot.ts'
import { formatUsd, formatUsedPercent } from '../format.ts'

const PERIOD_LABELS: Record<BudgetStatusView['period'], string> = { day: 'Today', week: 'This week', month: 'This month' }

/** "Today", "This month · Claude Code": which period and which agents a budget covers. */
export function budgetLabel(b: Pick<BudgetStatusView, 'period' | 'provider'>): string {
  return b.provider === null ? PERIOD_LABELS[b.period] : `${PERIOD_LABELS[b.period]} · ${PROVIDER_LABELS[b.provider]}`
}

/** Stable test id per budget: there is at most one per period and agent (`budget-day-all`, `budget-month-claude`). */
export function budgetTestId(b: Pick<BudgetStatusView, 'period' | 'provider'>): string {
  return `budget-${b.period}-${b.provider ?? 'all'}`
}

/** Bar colour: amber from 80 % (the default warning level), red once the budget is spent. */
export function budgetLevel(percent: number): 'low' | 'mid' | 'high' {
  return percent >= 100 ? 'high' : percent >= 80 ? 'mid' : 'low'
}

/** The user's budgets on the popover's first screen: this period's spend against each. */
export function BudgetBars({ budgets }: { budgets: readonly BudgetStatusView[] | undefined }) {
  if (budgets === undefined || budgets.length === 0) return null
  return (
    <section className="panel" data-testid="budget-bars" aria-label="Budgets">
      <h2 className="panel-title">Budgets</h2>
      <div className="budget-list">
        {budgets.map((b) => (
          <BudgetBar key={b.id} budget={b} />
        ))}
      </div>
    </section>
  )
}

function BudgetBar({ budget: b }: { budget: BudgetStatusView }) {
  const id = budgetTestId(b)
  const label = budgetLabel(b)
  return (
    <div className="budget" data-testid={id}>
      <div className="quota-head">
        <span className="budget-label">{label}</span>
        <span className="quota-figures">
          <span data-testid={`${id}-spent`} data-value={String(b.spentUsd)}>
            {formatUsd(b.spentUsd, undefined)}
          </span>
          {' of '}
          <span data-testid={`${id}-amount`} data-value={String(b.amountUsd)}>
            {formatUsd(b.amountUsd, undefined)}
          </span>{' '}
          <span className="muted">
            (<span data-testid={`${id}-percent`} data-value={String(b.percent)}>{formatUsedPercent(b.percent, undefined)}</span>)
          </span>
        </span>
      </div>
      <div
        className={`bar bar-${budgetLevel(b.percent)}`}
        role="progressbar"
        aria-label={`${label} budget used`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(Math.min(100, b.percent))}
      >
        <div className="bar-fill" style={{ width: `${Math.min(100, Math.max(0, b.percent))}%` }} />
      </div>
    </div>
  )
}
