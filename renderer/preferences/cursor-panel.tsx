import { useState } from 'react'
import type { CursorImportView } from '../../common/methods/sources-methods.ts'
import type { SourceSettings } from '../../common/settings.ts'
import { getApi } from '../api.ts'
import { formatInteger, formatSpan, formatUsd } from '../format.ts'
import { FormMessage } from './form-field.tsx'
import type { ChangeSources } from './sources-section.tsx'

type ImportState = { state: 'idle' } | { state: 'busy' } | { state: 'done'; result: CursorImportView } | { state: 'error'; message: string }

interface Props {
  settings: SourceSettings
  change: ChangeSources
  timeZone: string
  onImported: () => void
}

/**
 * Cursor keeps no local token log: its usage comes from the dashboard's CSV export, imported here (the
 * file is kept in TokenLedger's watched import folder), or from a folder the user saves exports to.
 */
export function CursorPanel({ settings, change, timeZone, onImported }: Props) {
  const [imported, setImported] = useState<ImportState>({ state: 'idle' })
  const [watchError, setWatchError] = useState<string | undefined>()
  const [watching, setWatching] = useState<string | undefined>()
  const cursorOn = !settings.disabledProviders.includes('cursor')

  const importCsv = async (): Promise<void> => {
    const api = getApi()
    const path = await api?.pickPath('cursor-csv')
    if (api === null || api === undefined || path === null || path === undefined) return
    setImported({ state: 'busy' })
    const outcome = await api.call('sources.importCursor', { path })
    if (outcome.ok) {
      setImported({ state: 'done', result: outcome.result })
      onImported()
    } else {
      setImported({ state: 'error', message: outcome.error.fields?.map((f) => f.message).join('; ') ?? outcome.error.message })
    }
  }

  const watchFolder = async (): Promise<void> => {
    const dir = await getApi()?.pickPath('folder')
    if (dir === null || dir === undefined) return
    const errors = await change({ customFolders: [...settings.customFolders, { provider: 'cursor', dir }] })
    setWatchError(errors === null ? undefined : Object.values(errors).join('; '))
    setWatching(errors === null ? `Watching ${dir} for Cursor exports: each CSV saved there is imported.` : undefined)
  }

  return (
    <section className="panel" data-testid="cursor-panel">
      <h2>Cursor usage export</h2>
      <p className="muted small">
        Cursor writes no token log on this machine. Export your usage at cursor.com → Dashboard → Usage → Export CSV and import the file here.
        The export is <strong>account-wide</strong> (every machine and editor on your Cursor account) and <strong>as of the export date</strong>:
        import a newer export later to add what came since; rows already imported count once.
      </p>
      {!cursorOn && <p className="warn-text small">Cursor is turned off above: turn it on to import.</p>}
      <div className="form-actions">
        <button type="button" className="primary" data-testid="cursor-import" disabled={!cursorOn || imported.state === 'busy'} onClick={() => void importCsv()}>
          {imported.state === 'busy' ? 'Importing…' : 'Import usage CSV…'}
        </button>
        <button type="button" className="secondary" data-testid="cursor-watch-folder" disabled={!cursorOn} onClick={() => void watchFolder()}>
          Watch a folder for exports…
        </button>
      </div>
      {imported.state === 'error' && (
        <p className="error-text small" role="alert" data-testid="error-cursor-import">
          {imported.message}
        </p>
      )}
      {imported.state === 'done' && <ImportResult result={imported.result} timeZone={timeZone} />}
      {watchError !== undefined && (
        <p className="error-text small" role="alert" data-testid="error-cursor-watch">
          {watchError}
        </p>
      )}
      <FormMessage ok={watching} />
    </section>
  )
}

/** What one import did, in the words of the CLI's summary. */
function ImportResult({ result: r, timeZone }: { result: CursorImportView; timeZone: string }) {
  const skipped = Object.entries(r.skipped)
  const name = r.source.split(/[\\/]/).pop() ?? r.source
  return (
    <dl className="import-result" data-testid="cursor-import-result">
      <dt>File</dt>
      <dd>
        {name}
        {r.alreadyImported && <span className="muted"> (this exact file was imported before)</span>}
      </dd>
      <dt>Rows</dt>
      <dd data-testid="cursor-import-rows" data-value={r.rows}>
        {formatInteger(r.rows, undefined)} rows, {formatInteger(r.usageRows, undefined)} of them usage
      </dd>
      <dt>New events</dt>
      <dd data-testid="cursor-import-new" data-value={r.newEvents}>
        {formatInteger(r.newEvents, undefined)} new, {formatInteger(r.usageRows - r.newEvents, undefined)} already in the ledger
      </dd>
      {r.firstEventAt !== null && r.lastEventAt !== null && (
        <>
          <dt>Dates</dt>
          <dd data-testid="cursor-import-span">{formatSpan(r.firstEventAt, r.lastEventAt, timeZone, undefined)}</dd>
        </>
      )}
      <dt>Cursor’s own cost</dt>
      <dd data-testid="cursor-import-cost" data-value={r.cursorCostUsd}>
        {formatUsd(r.cursorCostUsd, undefined)}
      </dd>
      {skipped.length > 0 && (
        <>
          <dt>Skipped rows</dt>
          <dd>{skipped.map(([reason, n]) => `${reason}: ${formatInteger(n, undefined)}`).join(', ')}</dd>
        </>
      )}
    </dl>
  )
}
