import { create } from 'zustand'
import type { WireError } from '../common/engine-methods.ts'
import type { ProviderId } from '../common/providers.ts'
import type { EngineStatus } from '../common/renderer-api.ts'
import type { UiSnapshot } from '../common/snapshot.ts'
import { setMoneyDisplay } from './format.ts'
import type { DateRange, RangeKind } from './ranges.ts'

/**
 * One drilldown screen. The levels narrow in order provider → models → projects → sessions; each route
 * carries the filters chosen on the screens before it.
 */
export type DrillRoute =
  | { level: 'providers' }
  | { level: 'models'; provider: ProviderId }
  | { level: 'projects'; provider: ProviderId; model: string }
  | { level: 'sessions'; provider: ProviderId; model: string; project: string }

export interface LedgerState {
  snapshot: UiSnapshot | null
  /** Failure of the initial `snapshot.get` (no snapshot was ever received). */
  loadError: WireError | null
  /** Null until the shell reports; the popover assumes a running engine until told otherwise. */
  engine: EngineStatus | null
  /** True when no bridge exists at all (page opened outside the app). */
  noBridge: boolean
  /** Drilldown stack; empty = the overview. */
  routes: DrillRoute[]
  range: RangeKind
  /** Dates of the `custom` range (null until the user picks them). */
  customRange: DateRange | null
  /** The export panel is open (over the overview or a drilldown; Back returns there). */
  exportOpen: boolean
  setSnapshot(snapshot: UiSnapshot): void
  setLoadError(error: WireError): void
  setEngine(status: EngineStatus): void
  setNoBridge(): void
  open(route: DrillRoute): void
  /** Back one screen; returns false when already on the overview. */
  back(): boolean
  home(): void
  setRange(range: RangeKind): void
  setCustomRange(range: DateRange): void
  setExportOpen(open: boolean): void
}

export const useLedger = create<LedgerState>()((set, get) => ({
  snapshot: null,
  loadError: null,
  engine: null,
  noBridge: false,
  routes: [],
  range: 'month',
  customRange: null,
  exportOpen: false,
  setSnapshot: (snapshot) => {
    // Before the state change: the views re-render with the snapshot's money display already in place.
    setMoneyDisplay(snapshot.display)
    set({ snapshot, loadError: null })
  },
  setLoadError: (loadError) => set({ loadError }),
  setEngine: (engine) => set({ engine }),
  setNoBridge: () => set({ noBridge: true }),
  open: (route) => set({ routes: [...get().routes, route] }),
  back: () => {
    if (get().exportOpen) {
      set({ exportOpen: false })
      return true
    }
    const routes = get().routes
    if (routes.length === 0) return false
    set({ routes: routes.slice(0, -1) })
    return true
  },
  home: () => set({ routes: [] }),
  setRange: (range) => set({ range }),
  setCustomRange: (customRange) => set({ customRange, range: 'custom' }),
  setExportOpen: (exportOpen) => set({ exportOpen }),
}))
