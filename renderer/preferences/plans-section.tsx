import type { CataloguePlanView, UserPlanView } from '../../common/methods/pricing-methods.ts'
import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { PlanValueView } from '../../common/snapshot.ts'
import { formatMultiple, formatUsd } from '../format.ts'
import { edit, useEngineData, useLatestSnapshot } from './engine-data.ts'
import { PlanForm } from './plan-form.tsx'
import { RulesPanel } from './rules-panel.tsx'

/** Preferences → Plans: the subscriptions the user pays, and which usage each covers. */
export function PlansSection() {
  const { load, reload } = useEngineData('plans.list', {})
  const catalogue = useEngineData('pricing.catalogue', {}).load
  const snapshot = useLatestSnapshot()
  if (load.state === 'loading') return <p className="muted">Loading…</p>
  if (load.state === 'error') return <p className="error-text">{load.message}</p>
  const { plans, rules } = load.value
  return (
    <>
      <PlansTable plans={plans} values={snapshot?.planValues ?? []} onChanged={reload} />
      {catalogue.state === 'error' && <p className="error-text">{catalogue.message}</p>}
      <PlanForm catalogue={catalogue.state === 'ok' ? catalogue.value.plans : EMPTY_CATALOGUE} onAdded={reload} />
      <RulesPanel plans={plans} rules={rules} onChanged={reload} />
    </>
  )
}

const EMPTY_CATALOGUE: readonly CataloguePlanView[] = []

function PlansTable({ plans, values, onChanged }: { plans: readonly UserPlanView[]; values: readonly PlanValueView[]; onChanged: () => void }) {
  const remove = async (id: string): Promise<void> => {
    await edit('plans.remove', { id })
    onChanged()
  }
  return (
    <section className="panel" data-testid="plans-panel">
      <h2>Your plans</h2>
      {plans.length === 0 ? (
        <p className="muted" data-testid="plans-empty">
          No plans: all usage is counted at list price, as if paid per token.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Plan</th>
              <th>Covers</th>
              <th className="num">Fee</th>
              <th>Dates</th>
              <th className="num" title="The last 30 days: the usage the plan covered, at list price, against its fee for those days">
                Last 30 days
              </th>
              <th />
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id} data-testid="plan-row" data-plan-id={p.id}>
                <td data-testid="plan-name">{p.name}</td>
                <td>
                  {PROVIDER_LABELS[p.provider]}
                  <div className="muted small path">{p.account ?? 'all accounts'}</div>
                </td>
                <td className="num" data-testid="plan-fee" data-value={String(p.feeUsd)}>
                  {formatUsd(p.feeUsd, undefined)}
                  <div className="muted small">{p.billing === 'annual' ? 'per year' : 'per month'}</div>
                </td>
                <td data-testid="plan-dates">
                  {p.startDate} – {p.endDate ?? 'ongoing'}
                </td>
                <td className="num">
                  <PlanValue value={values.find((v) => v.planId === p.id)} />
                </td>
                <td>
                  <button type="button" className="danger-link" data-testid="plan-remove" onClick={() => void remove(p.id)} title="Also removes the rules naming this plan">
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** What the plan's usage was worth at list price against what it cost (from the latest snapshot). */
function PlanValue({ value }: { value: PlanValueView | undefined }) {
  if (value === undefined) return <span className="muted">—</span>
  return (
    <span data-testid="plan-value" data-value={String(value.valueUsd)}>
      {formatUsd(value.valueUsd, undefined)} for {formatUsd(value.feeUsd, undefined)}
      {value.multiple !== null && (
        // Below 1× the usage was worth less than the fee: paying per token would have been cheaper.
        <strong className={value.multiple >= 1 ? 'plan-multiple' : 'plan-multiple low'}> {formatMultiple(value.multiple, undefined)}</strong>
      )}
    </span>
  )
}
