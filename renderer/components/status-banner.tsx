import type { EngineStatus } from '../../common/renderer-api.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'

/**
 * A one-line notice above the numbers when they may be stale or incomplete: the engine is restarting
 * (figures are from before the crash) or still reading history.
 */
export function StatusBanner({ engine, snapshot }: { engine: EngineStatus | null; snapshot: UiSnapshot | null }) {
  if (engine?.state === 'restarting') {
    const seconds = Math.ceil(engine.retryInMs / 1000)
    return (
      <div className="banner banner-warn" role="status" data-testid="engine-banner" data-state="restarting">
        Engine stopped; restarting (attempt {engine.attempt}, in {seconds}s). Figures may be out of date.
      </div>
    )
  }
  if (snapshot?.engineState === 'backfilling') {
    return (
      <div className="banner" role="status" data-testid="engine-banner" data-state="backfilling">
        Reading history… totals are still growing.
      </div>
    )
  }
  return null
}
