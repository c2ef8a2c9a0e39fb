import { useEffect } from 'react'
import { getApi } from '../api.ts'
import { useLedger, type LedgerState } from '../store.ts'
import { DrilldownView } from './drilldown-view.tsx'
import { EmptyState } from './empty-state.tsx'
import { ExportPanel } from './export-panel.tsx'
import { ErrorState, LoadingState } from './error-state.tsx'
import { FooterBar } from './footer-bar.tsx'
import { Overview } from './overview.tsx'
import { StatusBanner } from './status-banner.tsx'

/** Esc goes back one screen; on the overview it hides the popover, as native tray menus do. */
function useEscape(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      if (!useLedger.getState().back()) getApi()?.shell('hide-popover')
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
}

function Content({ state }: { state: LedgerState }) {
  const { snapshot, engine, routes } = state
  if (state.noBridge) {
    return <ErrorState title="Not connected" message="This page must be opened by the TokenLedger app." />
  }
  if (engine?.state === 'down') return <ErrorState title="The engine is not running" message={engine.message} />
  if (snapshot === null) {
    if (state.loadError !== null) {
      return <ErrorState title="Could not load usage" message={state.loadError.message} code={state.loadError.code} />
    }
    return <LoadingState />
  }
  if (snapshot.engineState === 'error') {
    return (
      <ErrorState
        title="TokenLedger hit a problem"
        message={snapshot.error?.message ?? 'The engine reported an error.'}
        code={snapshot.error?.code}
      />
    )
  }
  if (state.exportOpen) return <ExportPanel snapshot={snapshot} />
  if (snapshot.empty) return snapshot.engineState === 'starting' ? <LoadingState /> : <EmptyState sources={snapshot.sources} />
  const route = routes.at(-1)
  if (route !== undefined) return <DrilldownView key={`${routes.length}:${JSON.stringify(route)}`} route={route} snapshot={snapshot} />
  return <Overview snapshot={snapshot} />
}

export function App() {
  const state = useLedger()
  useEscape()
  return (
    <div className="popover">
      <StatusBanner engine={state.engine} snapshot={state.snapshot} />
      <Content state={state} />
      <FooterBar snapshot={state.snapshot} />
    </div>
  )
}
