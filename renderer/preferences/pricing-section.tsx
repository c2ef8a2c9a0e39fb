import type { OverrideView } from '../../common/methods/pricing-methods.ts'
import { PROVIDER_LABELS } from '../../common/providers.ts'
import { edit, useEngineData } from './engine-data.ts'
import { OverrideForm } from './override-form.tsx'
import { COMPONENTS, formatAffected, formatDates, formatPriceUsd } from './pricing-format.ts'

/** Preferences → Pricing: the user's own per-model prices, each beside the registry's, with the usage it re-prices. */
export function PricingSection() {
  const { load, reload } = useEngineData('overrides.list', {})
  const catalogue = useEngineData('pricing.catalogue', {}).load
  return (
    <>
      <section className="panel" data-testid="overrides-panel">
        <h2>Price overrides</h2>
        <p className="muted small">
          Your price wins over the price registry for the token types you give, inside its dates (UTC days, both included). All history is re-priced at
          once; nothing is re-read. Registry{' '}
          <span data-testid="registry-version">{catalogue.state === 'ok' ? catalogue.value.registryVersion : '…'}</span>.
        </p>
        {load.state === 'loading' && <p className="muted">Loading…</p>}
        {load.state === 'error' && <p className="error-text">{load.message}</p>}
        {load.state === 'ok' && <OverridesList overrides={load.value} onChanged={reload} />}
      </section>
      <OverrideForm onAdded={reload} />
    </>
  )
}

function OverridesList({ overrides, onChanged }: { overrides: readonly OverrideView[]; onChanged: () => void }) {
  if (overrides.length === 0) {
    return (
      <p className="muted" data-testid="overrides-empty">
        No overrides: every model is priced from the registry.
      </p>
    )
  }
  const remove = async (id: string): Promise<void> => {
    await edit('overrides.remove', { id })
    onChanged()
  }
  return (
    <ul className="override-list">
      {overrides.map((o) => (
        <li key={o.id} className="override" data-testid="override-row" data-override-id={o.id}>
          <div className="override-head">
            <strong data-testid="override-model">{o.model}</strong>
            <span className="muted small">
              {o.canonicalModel === '' ? 'not in the registry' : o.canonicalModel === o.model ? '' : `registry model ${o.canonicalModel}`}
            </span>
            <span data-testid="override-provider">{o.provider === null ? 'all agents' : PROVIDER_LABELS[o.provider]}</span>
            <span className="muted" data-testid="override-dates">
              {formatDates(o.effectiveFrom, o.effectiveUntil)}
            </span>
            <button type="button" className="danger-link" data-testid="override-remove" onClick={() => void remove(o.id)}>
              Remove
            </button>
          </div>
          <table className="price-table">
            <thead>
              <tr>
                <th>US$ per million tokens</th>
                <th className="num">Yours</th>
                <th className="num">Registry</th>
              </tr>
            </thead>
            <tbody>
              {COMPONENTS.map((c) => (
                <tr key={c.id} className={o.prices[c.id] === undefined ? 'muted' : undefined}>
                  <td>{c.label}</td>
                  <td className="num" data-testid={`override-${c.id}`}>
                    {o.prices[c.id] === undefined ? 'registry' : formatPriceUsd(o.prices[c.id])}
                  </td>
                  <td className="num" data-testid={`override-registry-${c.id}`}>
                    {formatPriceUsd(o.registryPrices[c.id])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small" data-testid="override-affected" data-value={String(o.affected.events)}>
            Re-prices {formatAffected(o.affected)}
          </p>
        </li>
      ))}
    </ul>
  )
}
