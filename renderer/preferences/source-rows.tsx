import { useState } from 'react'
import { PROVIDER_LABELS, type ProviderId } from '../../common/providers.ts'
import type { SourceSettings } from '../../common/settings.ts'
import type { SourceHealthView } from '../../common/snapshot.ts'
import { formatDateTime, formatInteger } from '../format.ts'
import { FormMessage } from './form-field.tsx'
import type { ChangeSources } from './sources-section.tsx'

interface AgentProps {
  provider: ProviderId
  rows: readonly SourceHealthView[]
  settings: SourceSettings
  change: ChangeSources
  timeZone: string
}

/** One agent: a switch for the whole agent, then each of its locations with its own switch. */
export function AgentSources({ provider, rows, settings: saved, change, timeZone }: AgentProps) {
  const [error, setError] = useState<string | undefined>()
  // The change being saved: switches show it at once, and fall back to the stored settings if refused.
  const [pending, setPending] = useState<Partial<SourceSettings> | null>(null)
  const busy = pending !== null
  const current: SourceSettings = { ...saved, ...pending }
  const agentOn = !current.disabledProviders.includes(provider)
  const events = rows.reduce((n, r) => n + r.events, 0)
  const run = async (next: Partial<SourceSettings>): Promise<void> => {
    setPending(next)
    const errors = await change(next)
    setPending(null)
    setError(errors === null ? undefined : Object.values(errors).join('; '))
  }
  const toggleAgent = (on: boolean): Promise<void> =>
    run({ disabledProviders: on ? current.disabledProviders.filter((p) => p !== provider) : [...current.disabledProviders, provider] })
  const toggleRoot = (root: string, on: boolean): Promise<void> =>
    run({ disabledRoots: on ? current.disabledRoots.filter((r) => r !== root) : [...current.disabledRoots, root] })
  const removeFolder = (root: string): Promise<void> =>
    run({
      customFolders: current.customFolders.filter((f) => !(f.provider === provider && f.dir === root)),
      disabledRoots: current.disabledRoots.filter((r) => r !== root),
    })
  return (
    <div className={agentOn ? 'source-group' : 'source-group source-off'} data-testid={`source-group-${provider}`}>
      <label className="source-group-head">
        <input type="checkbox" data-testid={`provider-toggle-${provider}`} checked={agentOn} disabled={busy} onChange={(e) => void toggleAgent(e.target.checked)} />
        <span className="source-agent">{PROVIDER_LABELS[provider]}</span>
        {!agentOn && (
          <span className="muted small" data-testid={`provider-off-${provider}`}>
            Off: not read or watched. Its {formatInteger(events, undefined)} events already in the ledger are kept.
          </span>
        )}
      </label>
      <FormMessage error={error} />
      <ul className="rows">
        {rows.map((s) => (
          <SourceRow
            key={s.root}
            source={s}
            agentOn={agentOn}
            rootOn={!current.disabledRoots.includes(s.root)}
            busy={busy}
            timeZone={timeZone}
            onToggle={(on) => void toggleRoot(s.root, on)}
            onRemove={() => void removeFolder(s.root)}
          />
        ))}
      </ul>
    </div>
  )
}

interface RowProps {
  source: SourceHealthView
  agentOn: boolean
  rootOn: boolean
  busy: boolean
  timeZone: string
  onToggle: (on: boolean) => void
  onRemove: () => void
}

/** A location: found or not, files, events, last event (local time), skipped lines by reason, read errors. */
function SourceRow({ source: s, agentOn, rootOn, busy, timeZone, onToggle, onRemove }: RowProps) {
  // Snapshots from an older engine carry no `enabled`: derive it from the settings then.
  const enabled = s.enabled ?? (agentOn && rootOn)
  const skipped = Object.entries(s.skipped)
  return (
    <li
      className={enabled ? 'source source-item' : 'source source-item source-off'}
      data-testid="source-row"
      data-provider={s.provider}
      data-root={s.root}
      data-enabled={String(enabled)}
      data-custom={String(s.custom === true)}
    >
      <input
        type="checkbox"
        aria-label={`Read ${s.root}`}
        data-testid="source-toggle"
        checked={rootOn}
        disabled={busy || !agentOn}
        onChange={(e) => onToggle(e.target.checked)}
      />
      <div className="source-body">
        <div className="source-line">
          <span className="path" title={s.root}>
            {s.root}
          </span>
          <span className={s.exists ? 'ok small' : 'muted small'}>{s.exists ? 'found' : 'not found'}</span>
          {s.custom === true && <span className="badge">added by you</span>}
          {!enabled && (
            <span className="badge" data-testid="source-off">
              off
            </span>
          )}
          {s.custom === true && (
            <button type="button" className="danger-link" data-testid="source-remove" disabled={busy} onClick={onRemove}>
              Remove
            </button>
          )}
        </div>
        {(s.exists || s.events > 0) && (
          <div className="muted small" data-testid="source-stats">
            {plural(s.files, 'file')} · {plural(s.events, 'event')}
            {s.lastEventAt !== null && ` · last event ${formatDateTime(s.lastEventAt, timeZone, undefined)}`}
          </div>
        )}
        {skipped.length > 0 && (
          <div className="small" data-testid="source-skipped">
            Skipped lines: {skipped.map(([reason, n]) => `${reason}: ${formatInteger(n, undefined)}`).join(', ')}
          </div>
        )}
        {!enabled && s.events > 0 && <div className="muted small">Not read while off; its {formatInteger(s.events, undefined)} events stay in the ledger.</div>}
        {s.errors.map((e) => (
          <div key={e} className="error-text small" data-testid="source-error">
            {e}
          </div>
        ))}
      </div>
    </li>
  )
}

function plural(n: number, noun: string): string {
  return `${formatInteger(n, undefined)} ${noun}${n === 1 ? '' : 's'}`
}
