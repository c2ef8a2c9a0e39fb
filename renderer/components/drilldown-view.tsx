import { useEffect, useRef, useState } from 'react'
import { isProviderId } from '../../common/providers.ts'
import type { DrilldownResult } from '../../common/reports.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { getApi } from '../api.ts'
import { useNow } from '../clock.ts'
import { localDate, rangeFor } from '../ranges.ts'
import { useLedger, type DrillRoute } from '../store.ts'
import { DrillRow } from './drill-row.tsx'
import { drillTitle } from './drill-title.ts'
import { RangeSwitch } from './range-switch.tsx'

type Load = { state: 'loading' } | { state: 'ok'; result: DrilldownResult } | { state: 'error'; message: string }

/** The next screen when a row is opened, or undefined at the last level. */
function childRoute(route: DrillRoute, key: string): DrillRoute | undefined {
  switch (route.level) {
    case 'providers':
      return isProviderId(key) ? { level: 'models', provider: key } : undefined
    case 'models':
      return { level: 'projects', provider: route.provider, model: key }
    case 'projects':
      return { level: 'sessions', provider: route.provider, model: route.model, project: key }
    case 'sessions':
      return undefined
    default:
      return route satisfies never
  }
}

/**
 * A breakdown screen backed by `report.drilldown`. It re-queries when the range changes and whenever the
 * engine pushes a snapshot (the ledger changed), keeping the previous rows on screen meanwhile.
 */
export function DrilldownView({ route, snapshot }: { route: DrillRoute; snapshot: UiSnapshot }) {
  const range = useLedger((s) => s.range)
  const customRange = useLedger((s) => s.customRange)
  const open = useLedger((s) => s.open)
  const back = useLedger((s) => s.back)
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const backRef = useRef<HTMLButtonElement>(null)
  // From the shared clock so the range rolls over at local midnight while the popover is open.
  const today = localDate(new Date(useNow()), snapshot.timezone)
  const { since, until } = rangeFor(range, today, customRange ?? undefined)

  // Each route mounts its own view (keyed by route), so focusing on mount follows navigation.
  useEffect(() => {
    backRef.current?.focus()
  }, [])

  useEffect(() => {
    const api = getApi()
    if (api === null) return
    let current = true
    const { level } = route
    const params = {
      level,
      provider: level === 'providers' ? undefined : route.provider,
      model: level === 'projects' || level === 'sessions' ? route.model : undefined,
      project: level === 'sessions' ? route.project : undefined,
      range: { since, until },
    }
    const fetchRows = (): void => {
      void api.call('report.drilldown', params).then((outcome) => {
        if (!current) return
        setLoad(outcome.ok ? { state: 'ok', result: outcome.result } : { state: 'error', message: outcome.error.message })
      })
    }
    fetchRows()
    // A pushed snapshot means the ledger changed: the rows on screen are stale.
    const off = api.onSnapshot(fetchRows)
    return () => {
      current = false
      off()
    }
  }, [route, since, until])

  return (
    <section className="drilldown" data-testid="drilldown" data-level={route.level}>
      <div className="drill-head">
        <button ref={backRef} type="button" className="back" data-testid="drill-back" onClick={() => back()} aria-label="Back">
          ‹ Back
        </button>
        <h1 className="drill-title" data-testid="drill-title">
          {drillTitle(route)}
        </h1>
      </div>
      <RangeSwitch today={today} />
      {load.state === 'loading' && <p className="muted center">Loading…</p>}
      {load.state === 'error' && (
        <p className="error-text" role="alert">
          {load.message}
        </p>
      )}
      {load.state === 'ok' && load.result.rows.length === 0 && <p className="muted center">No usage in this range.</p>}
      {load.state === 'ok' && (
        <ul className="drill-rows">
          {load.result.rows.map((row) => {
            const next = childRoute(route, row.key)
            return (
              <DrillRow key={row.key} row={row} timeZone={snapshot.timezone} onOpen={next && (() => open(next))} unit={requestUnit(route.level === 'providers' ? row.key : route.provider)} />
            )
          })}
        </ul>
      )}
    </section>
  )
}

/** Droid logs one running total per session: its "requests" are session updates (see drill-row.tsx). */
function requestUnit(provider: string | undefined): { one: string; many: string } | undefined {
  return provider === 'droid' ? { one: 'session update', many: 'session updates' } : undefined
}
