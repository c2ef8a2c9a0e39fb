import { useEffect, useState, type FormEvent } from 'react'
import { BUDGET_PERIODS, type BudgetPeriod } from '../../common/settings-defaults.ts'
import type { BudgetStatusView } from '../../common/snapshot.ts'
import { getApi } from '../api.ts'
import { budgetLevel } from '../components/budget-bars.tsx'
import { formatUsd, formatUsedPercent } from '../format.ts'
import { AlertsForm } from './alerts-form.tsx'
import { draftsOf, isBudgetField, newDraft, parseBudgets, placeErrors, type BudgetDraft } from './budget-drafts.ts'
import type { FieldErrors } from './field-errors.ts'
import { FormField, FormMessage } from './form-field.tsx'
import { useSettings } from './use-settings.ts'
import { ProviderSelect } from './provider-select.tsx'

const PERIOD_OPTIONS: Record<BudgetPeriod, string> = { day: 'Daily', week: 'Weekly', month: 'Monthly' }
const PERIOD_NOW: Record<BudgetPeriod, string> = { day: 'today', week: 'this week', month: 'this month' }

/** Preferences → Budgets: spending limits per period (all agents or one), and when to be notified. */
export function BudgetsSection() {
  const { load, update } = useSettings()
  const statuses = useBudgetStatuses()
  // Remounting the budget form after a save re-reads the rows with the ids the engine assigned.
  const [saves, setSaves] = useState(0)
  if (load.state === 'loading') return <p className="muted">Loading…</p>
  if (load.state === 'error') return <p className="error-text">{load.message}</p>
  return (
    <>
      <BudgetsForm key={saves} view={load.view} saved={saves > 0} statuses={statuses} update={update} onSaved={() => setSaves((n) => n + 1)} />
      <AlertsForm alerts={load.view.settings.alerts} update={update} />
    </>
  )
}

interface FormProps {
  view: Extract<ReturnType<typeof useSettings>['load'], { state: 'ok' }>['view']
  saved: boolean
  statuses: readonly BudgetStatusView[]
  update: ReturnType<typeof useSettings>['update']
  onSaved: () => void
}

function BudgetsForm({ view, saved, statuses, update, onSaved }: FormProps) {
  const [drafts, setDrafts] = useState<BudgetDraft[]>(() => draftsOf(view.settings.budgets))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [dirty, setDirty] = useState(false)
  const edit = (i: number, change: Partial<BudgetDraft>): void => {
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...change } : d)))
    // The row's messages described what it was; an edited row waits for the next save's verdict.
    setErrors((es) => Object.fromEntries(Object.entries(es).filter(([k]) => !k.startsWith(`budgets.${i}.`))))
    setDirty(true)
  }
  const remove = (i: number): void => {
    setDrafts((ds) => ds.filter((_, j) => j !== i))
    // Row errors are keyed by index: after a removal they would point at the wrong rows.
    setErrors({})
    setDirty(true)
  }
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const parsed = parseBudgets(drafts)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setBusy(true)
    const result = await update({ budgets: parsed.value })
    setBusy(false)
    if (result === null) onSaved()
    else setErrors(placeErrors(result, isBudgetField(drafts.length)))
  }
  return (
    <form className="panel" onSubmit={(e) => void onSubmit(e)} data-testid="budgets-form" noValidate>
      <h2>Budgets</h2>
      <p className="muted small">
        Spend is list-price cost, the popover’s figures, in each local day, week (starting on your week start) or calendar month.
      </p>
      {drafts.length === 0 && <p className="muted" data-testid="budgets-empty">No budgets yet.</p>}
      {drafts.map((d, i) => (
        <div className="form-grid budget-row" key={d.key} data-testid="budget-row">
          <FormField label="Period" name={`budgets.${i}.period`} error={errors[`budgets.${i}.period`]}>
            <select data-testid={`budget-period-${i}`} value={d.period} onChange={(e) => edit(i, { period: e.target.value as BudgetPeriod })}>
              {BUDGET_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {PERIOD_OPTIONS[p]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Agents" name={`budgets.${i}.provider`} error={errors[`budgets.${i}.provider`]}>
            <ProviderSelect testId={`budget-provider-${i}`} anyLabel="All agents" value={d.provider} onChange={(provider) => edit(i, { provider })} />
          </FormField>
          <FormField label="Amount (US$)" name={`budgets.${i}.amountUsd`} error={errors[`budgets.${i}.amountUsd`]}>
            <input data-testid={`budget-amount-${i}`} inputMode="decimal" placeholder="20" value={d.amount} onChange={(e) => edit(i, { amount: e.target.value })} />
          </FormField>
          <div className="field">
            <span className="field-label">Now</span>
            <Standing status={d.id === undefined ? undefined : statuses.find((s) => s.id === d.id)} period={d.period} testId={`budget-standing-${i}`} />
          </div>
          <button type="button" className="danger-link budget-remove" data-testid={`budget-remove-${i}`} onClick={() => remove(i)}>
            Remove
          </button>
        </div>
      ))}
      <FormMessage error={errors['']} ok={saved && !dirty ? 'Saved. The popover shows your budgets now.' : undefined} />
      <div className="form-actions">
        <button
          type="button"
          className="secondary"
          data-testid="budget-add"
          onClick={() => {
            setDrafts((ds) => [...ds, newDraft(ds)])
            setDirty(true)
          }}
        >
          Add budget
        </button>
        <button type="submit" className="primary" data-testid="budgets-save" disabled={busy}>
          Save budgets
        </button>
      </div>
    </form>
  )
}

/** Where a saved budget stands in its current period (amounts follow "hide amounts"). */
function Standing({ status, period, testId }: { status: BudgetStatusView | undefined; period: BudgetPeriod; testId: string }) {
  if (status === undefined || status.period !== period) return <span className="muted budget-standing" data-testid={testId}>—</span>
  return (
    <span className={`budget-standing budget-${budgetLevel(status.percent)}`} data-testid={testId} data-value={String(status.spentUsd)}>
      {formatUsd(status.spentUsd, undefined)} {PERIOD_NOW[period]} ({formatUsedPercent(status.percent, undefined)})
    </span>
  )
}

/** The budgets of the latest snapshot: asked for once, then kept current by every pushed snapshot. */
function useBudgetStatuses(): readonly BudgetStatusView[] {
  const [latest, setLatest] = useState<{ at: string; budgets: readonly BudgetStatusView[] }>({ at: '', budgets: [] })
  useEffect(() => {
    const api = getApi()
    if (api === null) return
    // The answer to `snapshot.get` can arrive after a newer pushed snapshot: keep whichever is newer.
    const take = (at: string, budgets: readonly BudgetStatusView[] | undefined): void => setLatest((prev) => (at >= prev.at ? { at, budgets: budgets ?? [] } : prev))
    let live = true
    void api.call('snapshot.get', {}).then((o) => live && o.ok && take(o.result.generatedAt, o.result.budgets))
    const off = api.onSnapshot((s) => take(s.generatedAt, s.budgets))
    return () => {
      live = false
      off()
    }
  }, [])
  return latest.budgets
}
