import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { SourceHealthView } from '../../common/snapshot.ts'
import { getApi } from '../api.ts'

/**
 * No usage recorded yet. Says exactly where TokenLedger looked, which of those places exist, and how
 * to point it at logs kept elsewhere, instead of showing a row of $0.00.
 */
export function EmptyState({ sources }: { sources: SourceHealthView[] }) {
  return (
    <section className="state" data-testid="empty-state">
      <h1 className="state-title">No usage found yet</h1>
      <p>TokenLedger reads the logs your coding agents write on this machine. It looked in:</p>
      <ul className="searched">
        {sources.map((s) => (
          <li key={`${s.provider}:${s.root}`} data-testid="searched-location" data-exists={s.exists}>
            <span className={s.exists ? 'ok' : 'muted'} aria-hidden="true">
              {s.exists ? '✓' : '✗'}
            </span>
            <span className="searched-provider">{PROVIDER_LABELS[s.provider]}</span>
            <span className="path" title={s.root}>
              {s.root}
            </span>
            <span className="small muted">{s.exists ? 'found, no usage yet' : 'not found'}</span>
          </li>
        ))}
      </ul>
      <p className="small">
        Use Claude Code or Codex CLI once and the spend appears here within seconds. Logs somewhere else? Start
        TokenLedger with <code>CLAUDE_CONFIG_DIR</code> or <code>CODEX_HOME</code> set to that folder, or add it in
        Preferences.
      </p>
      <button type="button" className="button" onClick={() => getApi()?.shell('open-preferences')}>
        Open Preferences
      </button>
    </section>
  )
}
