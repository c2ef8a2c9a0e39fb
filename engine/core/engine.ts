import { sep } from 'node:path'
import type { AnyAdapter, DiscoveryContext } from '../../common/adapter-contract.ts'
import type { EngineState, SourceHealthView, UiSnapshot } from '../../common/snapshot.ts'
import { ADAPTERS } from '../../adapters/index.ts'
import { discover, type Discovery } from '../ingest/discover.ts'
import { runIngest, type IngestOptions, type IngestSummary } from '../ingest/ingest-run.ts'
import { LocalCalendar } from '../reports/local-time.ts'
import type { ReportContext } from '../reports/report-context.ts'
import { buildSnapshot } from '../snapshot/build-snapshot.ts'
import { LedgerWriter } from '../store/ledger-writer.ts'
import { openLedger, type Db } from '../store/open-ledger.ts'
import { loadPricing, type PricingInputs } from './load-pricer.ts'
import { LocalActivityReader } from './local-activity.ts'
import { sourceHealth } from './source-health.ts'
import { suggest } from '../suggestions/suggest.ts'
import type { Settings } from '../../common/settings.ts'
import { budgetStatuses } from '../budgets/budget-status.ts'
import { applySourceSettings } from '../settings/source-adapters.ts'
import { sourceLocations } from '../settings/source-locations.ts'
import { loadSettings } from '../settings/settings-read.ts'

export interface EngineOptions {
  readonly dbPath: string
  readonly discovery: DiscoveryContext
  readonly timezone: string
  readonly adapters?: readonly AnyAdapter[]
  readonly now?: () => number
  /** Where the app writes ui-snapshot.json unless the user chose another path (null: nowhere by default). */
  readonly defaultSnapshotPath?: string | null
}

/** What a settings change requires of the live engine beyond a new snapshot. */
export interface SettingsEffects {
  /** Source roots changed: the watcher must follow the new set, and new roots be read. */
  readonly sourcesChanged: boolean
}

/**
 * The engine, independent of how it is hosted (CLI in-process, child process for the browser harness,
 * Electron utility process): a ledger, the adapters, and the views computed from them.
 */
export class Engine {
  readonly db: Db
  readonly writer: LedgerWriter
  /** Every adapter the engine knows; `adapters` is this as the user's source settings configure it. */
  readonly allAdapters: readonly AnyAdapter[]
  private activeAdapters: readonly AnyAdapter[]
  readonly discoveryContext: DiscoveryContext
  readonly systemTimezone: string
  readonly defaultSnapshotPath: string | null
  readonly now: () => number
  private calendar: LocalCalendar
  private pricing: PricingInputs
  private lastDiscovery: Discovery | null = null
  private knownPaths = new Set<string>()
  private readonly localActivity: LocalActivityReader
  private currentSettings: Settings
  /** Stored settings sections that did not validate and were reset (shown in the preferences window). */
  readonly settingsWarnings: readonly string[]

  constructor(options: EngineOptions) {
    this.db = openLedger(options.dbPath)
    this.writer = new LedgerWriter(this.db)
    this.allAdapters = options.adapters ?? ADAPTERS
    this.discoveryContext = options.discovery
    this.now = options.now ?? Date.now
    this.systemTimezone = options.timezone
    this.defaultSnapshotPath = options.defaultSnapshotPath ?? null
    this.pricing = loadPricing(this.db)
    this.localActivity = new LocalActivityReader(options.discovery)
    const loaded = loadSettings(this.db)
    this.currentSettings = loaded.settings
    this.settingsWarnings = loaded.warnings
    this.activeAdapters = applySourceSettings(this.allAdapters, this.currentSettings.sources)
    this.calendar = new LocalCalendar(this.currentSettings.display.timezone ?? this.systemTimezone)
  }

  get adapters(): readonly AnyAdapter[] {
    return this.activeAdapters
  }

  get settings(): Settings {
    return this.currentSettings
  }

  /** The path ui-snapshot.json is written to under the current settings, or null for none. */
  get snapshotPath(): string | null {
    const d = this.currentSettings.display
    return d.writeSnapshotFile ? (d.snapshotPath ?? this.defaultSnapshotPath) : null
  }

  /**
   * Applies settings that were validated and stored (engine/settings/update-engine-settings.ts does both,
   * with zod, off the CLI's start-up path): time zone, week start and sources take effect for the next
   * snapshot and ingest.
   */
  applySettings(next: Settings): SettingsEffects {
    const before = this.currentSettings
    this.currentSettings = next
    const display = next.display
    if (display.timezone !== before.display.timezone) this.calendar = new LocalCalendar(display.timezone ?? this.systemTimezone)
    const sourcesChanged = JSON.stringify(before.sources) !== JSON.stringify(next.sources)
    if (sourcesChanged) {
      this.activeAdapters = applySourceSettings(this.allAdapters, next.sources)
      this.lastDiscovery = null
      this.knownPaths = new Set()
    }
    return { sourcesChanged }
  }

  get timezone(): string {
    return this.calendar.timezone
  }

  /** Reads whatever changed in the sources. Warm runs touch only files whose size or identity changed. */
  ingest(opts: IngestOptions = {}): IngestSummary {
    const summary = runIngest(this.writer, this.adapters, this.discoveryContext, { now: this.now, ...opts })
    if (summary.discovery !== this.lastDiscovery) {
      this.lastDiscovery = summary.discovery
      this.knownPaths = new Set(summary.discovery.files.map((f) => f.file.path))
    }
    return summary
  }

  /**
   * Reads the given changed paths. Known files are read directly (no directory walk: this is the
   * append → snapshot hot path); a new or vanished file triggers a full discovery.
   */
  ingestPaths(changed: ReadonlySet<string>, sawNewFiles: boolean): IngestSummary {
    const paths = new Set([...changed].map((p) => this.databaseOfSidecar(p) ?? p))
    const known = this.lastDiscovery
    const allKnown = known !== null && !sawNewFiles && [...paths].every((p) => this.knownPaths.has(p))
    if (!allKnown) return this.ingest()
    return this.ingest({ only: paths, discovery: known })
  }

  /** `x.db-wal` → `x.db` when `x.db` is a known database source (its new rows live in the sidecar). */
  private databaseOfSidecar(path: string): string | null {
    for (const a of this.adapters) {
      if (a.kind !== 'database') continue
      for (const suffix of a.sidecarSuffixes) {
        if (path.endsWith(suffix) && this.knownPaths.has(path.slice(0, -suffix.length))) return path.slice(0, -suffix.length)
      }
    }
    return null
  }

  /** Re-reads every source from the start. Events whose source files are gone are KEPT. */
  rebuild(opts: IngestOptions = {}): IngestSummary {
    // Only the checkpoints of locations that are read: a turned-off agent's files keep their counts in
    // the Data sources list (nothing would read them again to restore them).
    const roots = [...new Set(this.adapters.flatMap((a) => a.roots(this.discoveryContext).map((r) => r.dir)))]
    const forget = this.db.prepare("DELETE FROM source_files WHERE substr(path, 1, length(?)) = ?")
    this.db.transaction(() => {
      for (const dir of roots) {
        const prefix = dir.endsWith(sep) ? dir : dir + sep
        forget.run(prefix, prefix)
      }
    })()
    this.lastDiscovery = null
    return this.ingest(opts)
  }

  /** Pricing inputs (overrides, plans) changed: re-price everything from the rollups, no re-ingest. */
  reloadPricing(): void {
    this.pricing = loadPricing(this.db)
  }

  /** Overrides the zone for this run only (CLI `--timezone`); the stored setting is left alone. */
  setTimezone(timezone: string): void {
    this.calendar = new LocalCalendar(timezone)
  }

  reportContext(): ReportContext {
    const { pricer, plans, rules } = this.pricing
    return { db: this.db, pricer, plans, rules, calendar: this.calendar, now: this.now(), weekStartsOn: this.currentSettings.display.weekStartsOn }
  }

  /** Existing source roots to watch, with their depth. */
  watchRoots(): { dir: string; depth?: number | undefined }[] {
    this.lastDiscovery ??= discover(this.adapters, this.discoveryContext)
    const seen = new Set<string>()
    return this.lastDiscovery.roots
      .filter((r) => r.exists && !seen.has(r.root.dir) && seen.add(r.root.dir))
      .map((r) => ({ dir: r.root.dir, depth: r.root.depth }))
  }

  /** Every location of every agent, turned off ones included (marked), with what each gave. */
  sources(): SourceHealthView[] {
    this.lastDiscovery ??= discover(this.adapters, this.discoveryContext)
    return sourceHealth(this.db, sourceLocations(this.allAdapters, this.currentSettings.sources, this.discoveryContext, this.lastDiscovery))
  }

  snapshot(engineState: EngineState = 'ready'): UiSnapshot {
    const ctx = this.reportContext()
    const snapshot = buildSnapshot({ ctx, engineState, sources: this.sources(), suggestions: suggest })
    const d = this.currentSettings.display
    return {
      ...snapshot,
      // Cursor's local activity is one of its sources: a user who turned Cursor off sees none of it.
      localActivity: this.currentSettings.sources.disabledProviders.includes('cursor') ? [] : this.localActivity.read(this.now()),
      display: { trayMetric: d.trayMetric, weekStartsOn: d.weekStartsOn, currency: d.currency, usdRate: d.usdRate, hideAmounts: d.hideAmounts, launchAtLogin: d.launchAtLogin },
      budgets: budgetStatuses(ctx, this.currentSettings.budgets),
    }
  }

  close(): void {
    this.db.close()
  }
}
