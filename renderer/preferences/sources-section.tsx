import { useEffect, useState } from 'react'
import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { SourceHealthView } from '../../common/snapshot.ts'
import { getApi } from '../api.ts'
import { formatInteger } from '../format.ts'

type Load = { state: 'loading' } | { state: 'ok'; sources: SourceHealthView[] } | { state: 'error'; message: string }

/** Every detected location per agent with what it gave. */
export function SourcesSection() {
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  useEffect(() => {
    const api = getApi()
    if (api === null) return
    void api.call('sources.list', {}).then((outcome) => {
      setLoad(outcome.ok ? { state: 'ok', sources: outcome.result } : { state: 'error', message: outcome.error.message })
    })
  }, [])
  return (
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
  )
}
