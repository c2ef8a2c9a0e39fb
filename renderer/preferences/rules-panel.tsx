import { useState, type FormEvent } from 'react'
import type { AttributionRuleView, UserPlanView } from '../../common/methods/pricing-methods.ts'
import { PROVIDER_LABELS, type ProviderId } from '../../common/providers.ts'
import { edit } from './engine-data.ts'
import type { FieldErrors } from './field-errors.ts'
import { FormField, FormFooter, FormMessage } from './form-field.tsx'
import { formatDates } from './pricing-format.ts'
import { ProviderSelect } from './provider-select.tsx'

interface Props {
  plans: readonly UserPlanView[]
  rules: readonly AttributionRuleView[]
  onChanged: () => void
}

/** Attribution rules: which usage a plan covers and which is paid per token, in the order they apply. */
export function RulesPanel({ plans, rules, onChanged }: Props) {
  const [error, setError] = useState<string | undefined>(undefined)
  const act = async (run: () => ReturnType<typeof edit>): Promise<void> => {
    const r = await run()
    setError(r.ok ? undefined : Object.values(r.errors).join('; '))
    onChanged()
  }
  const planName = (id: string | null): string => (id === null ? 'its agent’s active plan' : (plans.find((p) => p.id === id)?.name ?? 'a removed plan'))
  return (
    <section className="panel" data-testid="rules-panel">
      <h2>Attribution rules</h2>
      <p className="muted small">
        Rules decide which usage a plan covers. They are checked from the top and the first match wins. Without a matching rule, usage of an agent
        with an active plan (for its account, or for all accounts) is covered by it; anything else is paid per token at list price.
      </p>
      {rules.length === 0 ? (
        <p className="muted" data-testid="rules-empty">
          No rules: the default applies.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>Usage of</th>
              <th>Dates</th>
              <th>Is</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={r.id} data-testid="rule-row" data-rule-id={r.id}>
                <td>{i + 1}</td>
                <td>
                  {r.provider === null ? 'any agent' : PROVIDER_LABELS[r.provider]}
                  {r.account !== null && <div className="muted small path">account {r.account}</div>}
                  {r.project !== null && <div className="muted small path">project {r.project}</div>}
                </td>
                <td>{formatDates(r.from, r.until)}</td>
                <td data-testid="rule-billing">{r.billing === 'api' ? 'paid per token' : `covered by ${planName(r.planId)}`}</td>
                <td className="row-actions">
                  <button type="button" className="secondary icon" data-testid="rule-up" disabled={i === 0} aria-label="Move up" onClick={() => void act(() => edit('rules.move', { id: r.id, direction: 'up' }))}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary icon"
                    data-testid="rule-down"
                    disabled={i === rules.length - 1}
                    aria-label="Move down"
                    onClick={() => void act(() => edit('rules.move', { id: r.id, direction: 'down' }))}
                  >
                    ↓
                  </button>
                  <button type="button" className="danger-link" data-testid="rule-remove" onClick={() => void act(() => edit('rules.remove', { id: r.id }))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormMessage error={error} />
      <RuleForm plans={plans} onAdded={onChanged} />
    </section>
  )
}

interface RuleDraft {
  provider: ProviderId | ''
  account: string
  project: string
  from: string
  until: string
  billing: 'plan' | 'api'
  planId: string
}

const EMPTY_RULE: RuleDraft = { provider: '', account: '', project: '', from: '', until: '', billing: 'plan', planId: '' }
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim())

function RuleForm({ plans, onAdded }: { plans: readonly UserPlanView[]; onAdded: () => void }) {
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_RULE)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const set = (change: Partial<RuleDraft>): void => {
    setDraft((d) => ({ ...d, ...change }))
    setErrors((es) => Object.fromEntries(Object.entries(es).filter(([k]) => !(k in change))))
  }
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    const result = await edit('rules.add', {
      provider: draft.provider === '' ? null : draft.provider,
      account: orNull(draft.account),
      project: orNull(draft.project),
      from: orNull(draft.from),
      until: orNull(draft.until),
      billing: draft.billing,
      planId: draft.billing === 'api' ? null : orNull(draft.planId),
    })
    setBusy(false)
    if (!result.ok) {
      setErrors(result.errors)
      return
    }
    setDraft(EMPTY_RULE)
    setErrors({})
    onAdded()
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} data-testid="rule-form" noValidate>
      <h2>Add a rule</h2>
      <div className="form-grid">
        <FormField label="Agent" name="provider" error={errors['provider']}>
          <ProviderSelect testId="rule-provider" anyLabel="Any agent" value={draft.provider} onChange={(provider) => set({ provider })} />
        </FormField>
        <FormField label="Account (optional)" name="account" error={errors['account']}>
          <input data-testid="rule-account" value={draft.account} placeholder="~/.claude-work" onChange={(e) => set({ account: e.target.value })} />
        </FormField>
        <FormField label="Project folder (optional)" name="project" error={errors['project']}>
          <input data-testid="rule-project" value={draft.project} placeholder="/home/me/code/client-app" onChange={(e) => set({ project: e.target.value })} />
        </FormField>
        <FormField label="From (optional)" name="from" error={errors['from']}>
          <input type="date" data-testid="rule-from" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
        </FormField>
        <FormField label="Until (optional)" name="until" error={errors['until']}>
          <input type="date" data-testid="rule-until" value={draft.until} onChange={(e) => set({ until: e.target.value })} />
        </FormField>
        <FormField label="Billed as" name="billing" error={errors['billing']}>
          <select data-testid="rule-billing-input" value={draft.billing} onChange={(e) => set({ billing: e.target.value as 'plan' | 'api' })}>
            <option value="plan">Covered by a plan</option>
            <option value="api">Paid per token (API)</option>
          </select>
        </FormField>
        {draft.billing === 'plan' && (
          <FormField label="Plan" name="planId" error={errors['planId']}>
            <select data-testid="rule-plan" value={draft.planId} onChange={(e) => set({ planId: e.target.value })}>
              <option value="">The agent’s active plan</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
        )}
      </div>
      <FormFooter error={errors['']} busy={busy} label="Add rule" testId="rule-add" kind="secondary" />
    </form>
  )
}
