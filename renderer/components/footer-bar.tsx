import { useState } from 'react'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { getApi } from '../api.ts'
import { formatTime } from '../format.ts'
import { useLedger } from '../store.ts'

/** When the figures were computed, plus the few actions a tray popover needs. */
export function FooterBar({ snapshot }: { snapshot: UiSnapshot | null }) {
  const [refreshing, setRefreshing] = useState(false)
  const setExportOpen = useLedger((s) => s.setExportOpen)
  const refresh = async (): Promise<void> => {
    const api = getApi()
    if (api === null) return
    setRefreshing(true)
    await api.call('ingest.refresh', {})
    setRefreshing(false)
  }
  return (
    <footer className="footer">
      <span className="muted small" data-testid="updated-at">
        {snapshot !== null && `Updated ${formatTime(snapshot.generatedAt, snapshot.timezone, undefined)}`}
      </span>
      <span className="footer-actions">
        <button type="button" className="link-button" disabled={refreshing} onClick={() => void refresh()}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        <button type="button" className="link-button" data-testid="open-export" disabled={snapshot === null} onClick={() => setExportOpen(true)}>
          Export…
        </button>
        <button type="button" className="link-button" onClick={() => getApi()?.shell('open-preferences')}>
          Preferences
        </button>
        <button type="button" className="link-button" onClick={() => getApi()?.shell('quit')}>
          Quit
        </button>
      </span>
    </footer>
  )
}
