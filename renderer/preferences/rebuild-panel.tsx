import { useState } from 'react'
import type { SourcesResults } from '../../common/methods/sources-methods.ts'
import { getApi } from '../api.ts'
import { formatInteger } from '../format.ts'

type RebuildState =
  | { state: 'idle' }
  | { state: 'confirm' }
  | { state: 'busy' }
  | { state: 'done'; result: SourcesResults['ledger.rebuild'] }
  | { state: 'error'; message: string }

/** Re-reads every source from the start, after a confirmation that says what is kept. */
export function RebuildPanel({ onRebuilt }: { onRebuilt: () => void }) {
  const [s, setS] = useState<RebuildState>({ state: 'idle' })
  const rebuild = async (): Promise<void> => {
    const api = getApi()
    if (api === null) return
    setS({ state: 'busy' })
    const outcome = await api.call('ledger.rebuild', {})
    setS(outcome.ok ? { state: 'done', result: outcome.result } : { state: 'error', message: outcome.error.message })
    if (outcome.ok) onRebuilt()
  }
  return (
    <section className="panel" data-testid="rebuild-panel">
      <h2>Rebuild the ledger</h2>
      <p className="muted small">Re-reads every location that is turned on from the start, for example after moving logs around.</p>
      {s.state === 'confirm' ? (
        <div className="confirm-box" role="alertdialog" aria-label="Rebuild the ledger?" data-testid="rebuild-confirm">
          <p className="small">
            Events whose files are gone (an agent’s own cleanup deletes logs after about 30 days) are <strong>kept</strong>; nothing is counted
            twice. A large history can take a minute.
          </p>
          <div className="form-actions">
            <button type="button" className="primary" data-testid="rebuild-confirm-yes" onClick={() => void rebuild()}>
              Rebuild now
            </button>
            <button type="button" className="secondary" onClick={() => setS({ state: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="button" className="secondary" data-testid="rebuild" disabled={s.state === 'busy'} onClick={() => setS({ state: 'confirm' })}>
            {s.state === 'busy' ? 'Rebuilding…' : 'Rebuild ledger…'}
          </button>
        </div>
      )}
      {s.state === 'done' && (
        <div role="status" data-testid="rebuild-result">
          <p className="ok small">
            Re-read <span data-testid="rebuild-files">{formatInteger(s.result.files, undefined)}</span> files:{' '}
            <span data-testid="rebuild-new">{formatInteger(s.result.newEvents, undefined)}</span> new events; the ledger holds{' '}
            <span data-testid="rebuild-total">{formatInteger(s.result.totalEvents, undefined)}</span> events.
          </p>
          {s.result.errors.map((e) => (
            <p key={e} className="error-text small">
              {e}
            </p>
          ))}
        </div>
      )}
      {s.state === 'error' && (
        <p className="error-text small" role="alert" data-testid="rebuild-error">
          {s.message}
        </p>
      )}
    </section>
  )
}
