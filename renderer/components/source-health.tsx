import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { SourceHealthView } from '../../common/snapshot.ts'
import { useNow } from '../clock.ts'
import { formatAgo, formatInteger } from '../format.ts'

/** Where data comes from and how healthy each source is: files, events, skipped lines, errors. */
export function SourceHealth({ sources }: { sources: SourceHealthView[] }) {
  const now = useNow()
  const problems = sources.filter((s) => s.errors.length > 0).length
  return (
    <details className="panel sources" data-testid="source-health">
      <summary className="panel-title">
        Sources <span className="muted">{sources.filter((s) => s.exists).length} found</span>
        {problems > 0 && <span className="badge badge-warn">{problems} with errors</span>}
      </summary>
      <ul className="rows">
        {sources.map((s) => {
          const skipped = Object.values(s.skipped).reduce((a, b) => a + b, 0)
          return (
            <li key={`${s.provider}:${s.root}`} className="source" data-testid="source-row">
              <div className="row-line">
                <span className="row-label">{PROVIDER_LABELS[s.provider]}</span>
                <span className={s.exists ? 'ok small' : 'muted small'}>{s.exists ? 'found' : 'not found'}</span>
              </div>
              <div className="path small" title={s.root}>
                {s.root}
              </div>
              {s.exists && (
                <div className="muted small">
                  {formatInteger(s.files, undefined)} files · {formatInteger(s.events, undefined)} events
                  {s.lastEventAt !== null && ` · last ${formatAgo(now - Date.parse(s.lastEventAt), undefined)}`}
                  {skipped > 0 && (
                    <span title={Object.entries(s.skipped).map(([reason, n]) => `${reason}: ${n}`).join('\n')}>
                      {` · ${formatInteger(skipped, undefined)} lines skipped`}
                    </span>
                  )}
                </div>
              )}
              {s.errors.map((e) => (
                <div key={e} className="error-text small">
                  {e}
                </div>
              ))}
            </li>
          )
        })}
      </ul>
    </details>
  )
}
