import type { UiSnapshot } from '../../common/snapshot.ts'
import { formatMultiple, formatUsd, formatUsdPerMtok } from '../format.ts'
import { useLedger } from '../store.ts'
import { CostFigure } from './cost-figure.tsx'

/** The glance: today, month to date, where the month is heading, and what a token really costs. */
export function HeaderSummary({ snapshot }: { snapshot: UiSnapshot }) {
  const open = useLedger((s) => s.open)
  const { valueVsPaid } = snapshot
  return (
    <header className="summary">
      <div className="summary-main">
        <div className="stat">
          <span className="stat-label">Today</span>
          <CostFigure figure={snapshot.today} testId="today-cost" className="stat-value big" />
        </div>
        <div className="stat">
          <span className="stat-label">This month</span>
          <CostFigure figure={snapshot.month} testId="month-cost" className="stat-value big" />
        </div>
        <button type="button" className="link-button" onClick={() => open({ level: 'providers' })}>
          Breakdown ›
        </button>
      </div>
      <dl className="summary-extra">
        <div>
          <dt>Projected month end</dt>
          <dd data-testid="projected-month">
            {snapshot.projectedMonthUsd === null ? '—' : formatUsd(snapshot.projectedMonthUsd, undefined)}
          </dd>
        </div>
        <div>
          <dt title="Money actually paid (API spend + prorated plan fees) per million tokens, this month">Blended</dt>
          <dd data-testid="blended-rate">
            {snapshot.blendedUsdPerMtok === null ? '—' : formatUsdPerMtok(snapshot.blendedUsdPerMtok, undefined)}
          </dd>
        </div>
        {valueVsPaid !== null && (
          <div>
            <dt title="This month's usage at list price compared with the plan fees you pay">Value vs paid</dt>
            <dd data-testid="value-vs-paid">
              {formatUsd(valueVsPaid.valueUsd, undefined)} / {formatUsd(valueVsPaid.feesUsd, undefined)}
              {valueVsPaid.multiple !== null && <strong> {formatMultiple(valueVsPaid.multiple, undefined)}</strong>}
            </dd>
          </div>
        )}
      </dl>
    </header>
  )
}
