import { useCallback, useEffect, useState } from 'react'
import type { ProviderId } from '../../common/providers.ts'
import type { SourceSettings } from '../../common/settings.ts'
import type { SourceHealthView } from '../../common/snapshot.ts'
import { getApi } from '../api.ts'
import { AddFolderForm } from './add-folder-form.tsx'
import { CursorPanel } from './cursor-panel.tsx'
import type { FieldErrors } from './field-errors.ts'
import { RebuildPanel } from './rebuild-panel.tsx'
import { AgentSources } from './source-rows.tsx'
import { useSettings } from './use-settings.ts'

type SourcesLoad = { state: 'loading' } | { state: 'ok'; sources: SourceHealthView[] } | { state: 'error'; message: string }

/** Saves a change to the source settings; resolves to field errors, or null once stored and applied. */
export type ChangeSources = (next: Partial<SourceSettings>) => Promise<FieldErrors | null>

/**
 * Preferences → Data sources: every location per agent (detected, turned off, or added by the user) with
 * what it gave; turning agents and locations off and on; custom folders; Cursor's CSV import; rebuild.
 */
export function SourcesSection() {
  const { load, update } = useSettings()
  const list = useSourceList()
  const { refresh } = list
  const change = useCallback<ChangeSources>(
    async (next) => {
      const errors = await update({ sources: next })
      // The engine re-reads and re-watches at once; the list follows with the next snapshot, or now.
      if (errors === null) refresh()
      return errors
    },
    [update, refresh],
  )
  if (load.state === 'error') return <p className="error-text">{load.message}</p>
  if (list.load.state === 'error') return <p className="error-text">{list.load.message}</p>
  if (load.state === 'loading' || list.load.state === 'loading') return <p className="muted">Loading…</p>
  const settings = load.view.settings.sources
  const timeZone = load.view.settings.display.timezone ?? load.view.systemTimezone
  return (
    <>
      <section className="panel" data-testid="sources-list">
        <h2>Where TokenLedger reads</h2>
        <p className="muted small">
          Every location each agent writes to, found or not. A location or agent turned off is neither read nor watched; the events it gave
          before stay in the ledger and in every report.
        </p>
        {groupByAgent(list.load.sources).map(([provider, rows]) => (
          <AgentSources key={provider} provider={provider} rows={rows} settings={settings} change={change} timeZone={timeZone} />
        ))}
      </section>
      <AddFolderForm settings={settings} change={change} />
      <CursorPanel settings={settings} change={change} timeZone={timeZone} onImported={list.refresh} />
      <RebuildPanel onRebuilt={list.refresh} />
    </>
  )
}

/** The engine's list (`sources.list`), kept current by every pushed snapshot (which carries the same list). */
function useSourceList(): { load: SourcesLoad; refresh: () => void } {
  const [load, setLoad] = useState<SourcesLoad>({ state: 'loading' })
  const refresh = useCallback(() => {
    void getApi()
      ?.call('sources.list', {})
      .then((outcome) => setLoad(outcome.ok ? { state: 'ok', sources: outcome.result } : { state: 'error', message: outcome.error.message }))
  }, [])
  useEffect(() => {
    refresh()
    return getApi()?.onSnapshot((s) => setLoad({ state: 'ok', sources: s.sources }))
  }, [refresh])
  return { load, refresh }
}

/** Rows per agent, agents in the engine's order (the list is already grouped by agent). */
function groupByAgent(sources: readonly SourceHealthView[]): Array<[ProviderId, SourceHealthView[]]> {
  const groups = new Map<ProviderId, SourceHealthView[]>()
  for (const s of sources) groups.set(s.provider, [...(groups.get(s.provider) ?? []), s])
  return [...groups]
}
