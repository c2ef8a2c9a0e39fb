import { useState, type FormEvent } from 'react'
import type { CataloguePlanView } from '../../common/methods/pricing-methods.ts'
import type { ProviderId } from '../../common/providers.ts'
import { localDate } from '../ranges.ts'
import { edit } from './engine-data.ts'
import type { FieldErrors } from './field-errors.ts'
import { FormField, FormFooter } from './form-field.tsx'
import { formatPriceUsd, parseAmount } from './pricing-format.ts'
import { ProviderSelect } from './provider-select.tsx'

type Billing = 'monthly' | 'annual'

/** The form's text state; the engine decides what is valid (and fills what a catalogue plan leaves out). */
interface Draft {
  catalogueId: string
  name: string
  provider: ProviderId | ''
  fee: string
  billing: Billing
  startDate: string
  endDate: string
  account: string
}

function emptyDraft(): Draft {
  return { catalogueId: '', name: '', provider: '', fee: '', billing: 'monthly', startDate: localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone), endDate: '', account: '' }
}

function catalogueFee(c: CataloguePlanView, billing: Billing): string {
  const fee = billing === 'annual' ? c.annualUsd : c.monthlyUsd
  return fee === null ? '' : String(fee)
}

/** Catalogue plans grouped by vendor, in catalogue order. */
function byVendor(catalogue: readonly CataloguePlanView[]): [string, CataloguePlanView[]][] {
  const groups = new Map<string, CataloguePlanView[]>()
  for (const c of catalogue) groups.set(c.vendor, [...(groups.get(c.vendor) ?? []), c])
  return [...groups]
}

/** "Add plan": a catalogue plan fills name, agent and fee (all still editable), or a custom plan from scratch. */
export function PlanForm({ catalogue, onAdded }: { catalogue: readonly CataloguePlanView[]; onAdded: () => void }) {
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [added, setAdded] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const picked = catalogue.find((c) => c.id === draft.catalogueId)
  const set = (change: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...change }))
    // A changed field waits for the next verdict; the other messages stay.
    setErrors((es) => Object.fromEntries(Object.entries(es).filter(([k]) => !(k in change) && !(k === 'feeUsd' && 'fee' in change))))
    setAdded(null)
  }
  const pick = (id: string): void => {
    const c = catalogue.find((x) => x.id === id)
    if (c === undefined) set({ catalogueId: '' })
    else set({ catalogueId: c.id, name: c.name, provider: c.providers.length === 1 ? c.providers[0]! : '', fee: catalogueFee(c, draft.billing) })
  }
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const fee = parseAmount(draft.fee)
    if (!fee.ok) {
      setErrors({ feeUsd: 'enter an amount in US$, e.g. 20' })
      return
    }
    setBusy(true)
    const name = draft.name.trim()
    const result = await edit('plans.add', {
      catalogueId: draft.catalogueId === '' ? null : draft.catalogueId,
      // Left empty, the catalogue's name and fee apply; for a custom plan the engine asks for them.
      ...(name === '' ? {} : { name }),
      ...(draft.provider === '' ? {} : { provider: draft.provider }),
      ...(fee.value === undefined ? {} : { feeUsd: fee.value }),
      billing: draft.billing,
      startDate: draft.startDate,
      endDate: draft.endDate === '' ? null : draft.endDate,
      account: draft.account.trim() === '' ? null : draft.account.trim(),
    })
    setBusy(false)
    if (!result.ok) {
      setErrors(result.errors)
      return
    }
    setDraft(emptyDraft())
    setErrors({})
    setAdded(result.value.name)
    onAdded()
  }
  return (
    <form className="panel" onSubmit={(e) => void onSubmit(e)} data-testid="plan-form" noValidate>
      <h2>Add plan</h2>
      <div className="form-grid">
        <FormField label="Plan" name="catalogueId" error={errors['catalogueId']}>
          <select data-testid="plan-catalogue" value={draft.catalogueId} onChange={(e) => pick(e.target.value)}>
            <option value="">Custom plan…</option>
            {byVendor(catalogue).map(([vendor, plans]) => (
              <optgroup key={vendor} label={vendor}>
                {plans.map((c) => (
                  <option key={c.id} value={c.id}>
                    {`${c.name} — ${formatPriceUsd(c.monthlyUsd)}/month`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </FormField>
        <FormField label="Name" name="name" error={errors['name']}>
          <input data-testid="plan-name-input" value={draft.name} placeholder="My team plan" onChange={(e) => set({ name: e.target.value })} />
        </FormField>
        <FormField label="Agent it covers" name="provider" error={errors['provider']}>
          <ProviderSelect testId="plan-provider" anyLabel="Choose…" value={draft.provider} onChange={(provider) => set({ provider })} />
        </FormField>
        <FormField label="Billing" name="billing" error={errors['billing']}>
          <select
            data-testid="plan-billing"
            value={draft.billing}
            onChange={(e) => {
              const billing = e.target.value as Billing
              set(picked === undefined ? { billing } : { billing, fee: catalogueFee(picked, billing) })
            }}
          >
            <option value="monthly">Monthly</option>
            <option value="annual">Annual</option>
          </select>
        </FormField>
        <FormField label={draft.billing === 'annual' ? 'Fee per year (US$)' : 'Fee per month (US$)'} name="feeUsd" error={errors['feeUsd']}>
          <input data-testid="plan-fee-input" inputMode="decimal" placeholder="20" value={draft.fee} onChange={(e) => set({ fee: e.target.value })} />
        </FormField>
        <FormField label="Start" name="startDate" error={errors['startDate']} hint="Its day of the month is the billing day.">
          <input type="date" data-testid="plan-start" value={draft.startDate} onChange={(e) => set({ startDate: e.target.value })} />
        </FormField>
        <FormField label="End (optional)" name="endDate" error={errors['endDate']}>
          <input type="date" data-testid="plan-end" value={draft.endDate} onChange={(e) => set({ endDate: e.target.value })} />
        </FormField>
        <FormField label="Account / config root (optional)" name="account" error={errors['account']} hint="Empty: all accounts of the agent.">
          <input data-testid="plan-account" value={draft.account} placeholder="~/.claude-work" onChange={(e) => set({ account: e.target.value })} />
        </FormField>
      </div>
      {picked !== undefined && <CatalogueNote plan={picked} />}
      <FormFooter error={errors['']} ok={added === null ? undefined : `Added ${added}. Effective costs include it now.`} busy={busy} label="Add plan" testId="plan-add" />
    </form>
  )
}

const CONFIDENCE: Record<CataloguePlanView['confidence'], string> = {
  official: 'from the vendor',
  secondary: 'quoted by a third party',
  unverified: 'not confirmed',
}

/** What the catalogue knows of the picked plan: list price, how sure that price is, and its caveat. */
function CatalogueNote({ plan }: { plan: CataloguePlanView }) {
  return (
    <p className="muted small catalogue-note" data-testid="catalogue-note">
      List price {formatPriceUsd(plan.monthlyUsd)}/month
      {plan.annualUsd !== null && ` or ${formatPriceUsd(plan.annualUsd)}/year`} · <span className={`confidence-${plan.confidence}`}>{plan.confidence}</span> ({CONFIDENCE[plan.confidence]}, as of {plan.asOf})
      {plan.note !== null && ` · ${plan.note}`}
    </p>
  )
}
