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

export interface EngineOptions {
  readonly dbPath: string
  readonly discovery: DiscoveryContext
  readonly timezone: string
  readonly adapters?: readonly AnyAdapter[]
  readonly now?: () => number
}

/**
 * The engine, independent of how it is hosted (CLI in-process, child process for the browser harness,
 * Electron utility process): a ledger, the adapters, and the views computed from them.
 */
export class Engine {
  readonly db: Db
  readonly writer: LedgerWriter
  readonly adapters: readonly AnyAdapter[]
  readonly discoveryContext: DiscoveryContext
  readonly now: () => number
  private calendar: LocalCalendar
  private pricing: PricingInputs
  private lastDiscovery: Discovery | null = null
  private knownPaths = new Set<string>()
  private readonly localActivity: LocalActivityReader

  constructor(options: EngineOptions) {
    this.db = openLedger(options.dbPath)
    this.writer = new LedgerWriter(this.db)
    this.adapters = options.adapters ?? ADAPTERS
    this.discoveryContext = options.discovery
    this.now = options.now ?? Date.now
    this.calendar = new LocalCalendar(options.timezone)
    this.pricing = loadPricing(this.db)
    this.localActivity = new LocalActivityReader(options.discovery)
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
    this.db.prepare('DELETE FROM source_files').run()
    return this.ingest(opts)
  }

  /** Pricing inputs (overrides, plans) changed: re-price everything from the rollups, no re-ingest. */
  reloadPricing(): void {
    this.pricing = loadPricing(this.db)
  }

  setTimezone(timezone: string): void {
    this.calendar = new LocalCalendar(timezone)
  }

  reportContext(): ReportContext {
    const { pricer, plans, rules } = this.pricing
    return { db: this.db, pricer, plans, rules, calendar: this.calendar, now: this.now() }
  }

  /** Existing source roots to watch, with their depth. */
  watchRoots(): { dir: string; depth?: number | undefined }[] {
    this.lastDiscovery ??= discover(this.adapters, this.discoveryContext)
    const seen = new Set<string>()
    return this.lastDiscovery.roots
      .filter((r) => r.exists && !seen.has(r.root.dir) && seen.add(r.root.dir))
      .map((r) => ({ dir: r.root.dir, depth: r.root.depth }))
  }

  sources(): SourceHealthView[] {
    this.lastDiscovery ??= discover(this.adapters, this.discoveryContext)
    return sourceHealth(this.db, this.lastDiscovery)
  }

  snapshot(engineState: EngineState = 'ready'): UiSnapshot {
    const snapshot = buildSnapshot({ ctx: this.reportContext(), engineState, sources: this.sources(), suggestions: suggest })
    return { ...snapshot, localActivity: this.localActivity.read(this.now()) }
  }

  close(): void {
    this.db.close()
  }
}
