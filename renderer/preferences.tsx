import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { PROVIDER_LABELS } from '../common/providers.ts'
import type { SourceHealthView } from '../common/snapshot.ts'
import { getApi } from './api.ts'
import { formatInteger } from './format.ts'

type Load = { state: 'loading' } | { state: 'ok'; sources: SourceHealthView[] } | { state: 'error'; message: string }

/** Placeholder preferences window: settings arrive later; until then it shows what was detected. */
function Preferences() {
  const [load, setLoad] = useState<Load>(() =>
    getApi() === null ? { state: 'error', message: 'This page must be opened by the TokenLedger app.' } : { state: 'loading' },
  )
  useEffect(() => {
    const api = getApi()
    if (api === null) return
    void api.call('sources.list', {}).then((outcome) => {
      setLoad(outcome.ok ? { state: 'ok', sources: outcome.result } : { state: 'error', message: outcome.error.message })
    })
  }, [])
  return (
    <main className="popover prefs" data-testid="preferences">
      <h1 className="state-title">Preferences</h1>
      <p className="muted">Settings (time zone, plans, custom log folders) are coming in a later version.</p>
      <section className="panel">
        <h2 className="panel-title">Detected sources</h2>
        {load.state === 'loading' && <p className="muted">Loading…</p>}
        {load.state === 'error' && <p className="error-text">{load.message}</p>}
        {load.state === 'ok' && (
          <ul className="rows">
            {load.sources.map((s) => (
              <li key={`${s.provider}:${s.root}`} className="source" data-testid="source-row">
                <div className="row-line">
                  <span className="row-label">{PROVIDER_LABELS[s.provider]}</span>
                  <span className={s.exists ? 'ok small' : 'muted small'}>{s.exists ? 'found' : 'not found'}</span>
                </div>
                <div className="path">{s.root}</div>
                {s.exists && (
                  <div className="muted small">
                    {formatInteger(s.files, undefined)} files · {formatInteger(s.events, undefined)} events
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  )
}

const root = document.getElementById('root')
if (root === null) throw new Error('preferences.html lacks #root')
createRoot(root).render(
  <StrictMode>
    <Preferences />
  </StrictMode>,
)
