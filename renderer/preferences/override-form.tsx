import { useEffect, useState, type FormEvent } from 'react'
import type { PriceComponentName, PriceLookupView } from '../../common/methods/pricing-methods.ts'
import type { ProviderId } from '../../common/providers.ts'
import { getApi } from '../api.ts'
import { edit, useEngineData } from './engine-data.ts'
import type { FieldErrors } from './field-errors.ts'
import { FormField, FormFooter } from './form-field.tsx'
import { COMPONENTS, formatAffected, formatPriceUsd, parseAmount } from './pricing-format.ts'
import { ProviderSelect } from './provider-select.tsx'

interface Draft {
  model: string
  provider: ProviderId | ''
  prices: Record<PriceComponentName, string>
  effectiveFrom: string
  effectiveUntil: string
}

const EMPTY: Draft = { model: '', provider: '', prices: { input: '', output: '', cacheRead: '', cacheWrite5m: '', cacheWrite1h: '' }, effectiveFrom: '', effectiveUntil: '' }

/** How long typing must pause before the registry is asked about the model. */
const LOOKUP_DELAY_MS = 300

/** "Add override": a model (from those seen in the ledger, or any name), any subset of the five prices, optional dates. */
export function OverrideForm({ onAdded }: { onAdded: () => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [added, setAdded] = useState(false)
  const [busy, setBusy] = useState(false)
  const seen = useEngineData('models.seen', {}).load
  const lookup = usePriceLookup(draft.model, draft.provider)
  const set = (change: Partial<Draft>, fields: string[]): void => {
    setDraft((d) => ({ ...d, ...change }))
    setErrors((es) => Object.fromEntries(Object.entries(es).filter(([k]) => !fields.includes(k) && k !== '')))
    setAdded(false)
  }
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const prices: Partial<Record<PriceComponentName, number>> = {}
    const bad: Record<string, string> = {}
    for (const c of COMPONENTS) {
      const p = parseAmount(draft.prices[c.id])
      if (!p.ok) bad[`prices.${c.id}`] = 'enter a number of US$ per million tokens, e.g. 3'
      else if (p.value !== undefined) prices[c.id] = p.value
    }
    if (Object.keys(bad).length > 0) {
      setErrors(bad)
      return
    }
    setBusy(true)
    const result = await edit('overrides.add', {
      model: draft.model,
      provider: draft.provider === '' ? null : draft.provider,
      prices,
      effectiveFrom: draft.effectiveFrom === '' ? null : draft.effectiveFrom,
      effectiveUntil: draft.effectiveUntil === '' ? null : draft.effectiveUntil,
    })
    setBusy(false)
    if (!result.ok) {
      setErrors(result.errors)
      return
    }
    setDraft(EMPTY)
    setErrors({})
    setAdded(true)
    onAdded()
  }
  const models = seen.state === 'ok' ? [...new Set(seen.value.map((m) => m.model))] : []
  return (
    <form className="panel" onSubmit={(e) => void onSubmit(e)} data-testid="override-form" noValidate>
      <h2>Add override</h2>
      <div className="form-grid">
        <FormField label="Model" name="model" error={errors['model']} hint="Any spelling the agents log; pick one seen in your usage.">
          <input data-testid="override-model-input" list="tl-models-seen" value={draft.model} placeholder="claude-sonnet-4-5" onChange={(e) => set({ model: e.target.value }, ['model'])} />
        </FormField>
        <datalist id="tl-models-seen">
          {models.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <FormField label="Agent" name="provider" error={errors['provider']}>
          <ProviderSelect testId="override-provider-input" anyLabel="All agents" value={draft.provider} onChange={(provider) => set({ provider }, ['provider'])} />
        </FormField>
      </div>
      <LookupNote lookup={lookup} />
      <h2>US$ per million tokens</h2>
      <div className="form-grid">
        {COMPONENTS.map((c) => (
          <FormField key={c.id} label={c.label} name={`prices.${c.id}`} error={errors[`prices.${c.id}`]}>
            <input
              data-testid={`override-price-${c.id}`}
              inputMode="decimal"
              // Empty keeps the registry's price, shown as the placeholder.
              placeholder={lookup?.registryPrices[c.id] == null ? '' : String(lookup.registryPrices[c.id])}
              value={draft.prices[c.id]}
              onChange={(e) => set({ prices: { ...draft.prices, [c.id]: e.target.value } }, [`prices.${c.id}`, 'prices', 'model'])}
            />
          </FormField>
        ))}
      </div>
      {errors['prices'] !== undefined && (
        <p className="field-error" role="alert" data-testid="error-prices">
          {errors['prices']}
        </p>
      )}
      <div className="form-grid">
        <FormField label="From (optional)" name="effectiveFrom" error={errors['effectiveFrom']} hint="First UTC day it applies.">
          <input type="date" data-testid="override-from" value={draft.effectiveFrom} onChange={(e) => set({ effectiveFrom: e.target.value }, ['effectiveFrom', 'effectiveUntil'])} />
        </FormField>
        <FormField label="Until (optional)" name="effectiveUntil" error={errors['effectiveUntil']} hint="Last UTC day it applies.">
          <input type="date" data-testid="override-until" value={draft.effectiveUntil} onChange={(e) => set({ effectiveUntil: e.target.value }, ['effectiveFrom', 'effectiveUntil'])} />
        </FormField>
      </div>
      <FormFooter error={errors['']} ok={added ? 'Saved. All costs use your price now.' : undefined} busy={busy} label="Add override" testId="override-add" />
    </form>
  )
}

/** The registry's price for the model being typed and the usage an override would re-price; asked once typing pauses. */
function usePriceLookup(model: string, provider: ProviderId | ''): PriceLookupView | null {
  // Each answer is kept with the question it answers: one for text the user has since changed is not shown.
  const [answer, setAnswer] = useState<{ query: string; view: PriceLookupView | null }>({ query: '', view: null })
  const name = model.trim()
  const query = name === '' ? '' : `${provider}\u0000${name}`
  useEffect(() => {
    const api = getApi()
    if (api === null || query === '') return
    const [p, m] = query.split('\u0000') as [ProviderId | '', string]
    const timer = setTimeout(() => {
      void api.call('pricing.lookup', { model: m, provider: p === '' ? null : p }).then((o) => setAnswer({ query, view: o.ok ? o.result : null }))
    }, LOOKUP_DELAY_MS)
    return () => clearTimeout(timer)
  }, [query])
  return answer.query === query ? answer.view : null
}

function LookupNote({ lookup }: { lookup: PriceLookupView | null }) {
  if (lookup === null) return null
  const known = lookup.canonicalModel !== null
  return (
    <div className="lookup-note small" data-testid="price-lookup">
      {known ? (
        <p data-testid="lookup-registry">
          Registry price of <strong>{lookup.canonicalModel}</strong>:{' '}
          {COMPONENTS.map((c) => `${c.label.toLowerCase()} ${formatPriceUsd(lookup.registryPrices[c.id])}`).join(' · ')}
        </p>
      ) : (
        <p className="warn-text" data-testid="lookup-registry">
          Not in the price registry ({lookup.registryVersion}): give at least the input and output prices.
        </p>
      )}
      <p className="muted" data-testid="lookup-affected" data-value={String(lookup.affected.events)}>
        An override would re-price {formatAffected(lookup.affected)}.
      </p>
    </div>
  )
}
