import type { UiSnapshot } from '../../common/snapshot.ts'
import { SourceWatcher } from '../ingest/source-watcher.ts'
import { writeSnapshotFile } from '../snapshot/write-snapshot-file.ts'
import type { Engine, SettingsEffects } from './engine.ts'

export interface LiveEngineOptions {
  /** Write ui-snapshot.json here (null: nowhere) instead of where the settings say (CLI `watch --ui-snapshot-path`). */
  readonly snapshotPath?: string | null
  readonly onSnapshot: (s: UiSnapshot) => void
  readonly onError: (message: string) => void
  /** Minimum gap between two published snapshots; changes inside it are coalesced into one. */
  readonly minIntervalMs?: number
}

/**
 * Keeps the ledger in step with the sources while the app runs: watches the source roots, ingests what
 * changed and publishes a snapshot when (and only when) something changed. Idle = no timers, no reads,
 * except one timer for the next local midnight so "today" rolls over.
 */
export class LiveEngine {
  private watcher: SourceWatcher | null = null
  private lastPublished = 0
  private publishTimer: NodeJS.Timeout | null = null
  private midnightTimer: NodeJS.Timeout | null = null
  private readonly minIntervalMs: number
  private readonly engine: Engine
  private readonly opts: LiveEngineOptions

  constructor(engine: Engine, opts: LiveEngineOptions) {
    this.engine = engine
    this.opts = opts
    this.minIntervalMs = opts.minIntervalMs ?? 50
  }

  async start(): Promise<void> {
    await this.watch()
    this.armMidnight()
  }

  private async watch(): Promise<void> {
    this.watcher = new SourceWatcher({
      roots: this.engine.watchRoots(),
      onChanges: (paths, sawNew) => this.onChanges(paths, sawNew),
      onError: (err) => this.opts.onError(`watcher: ${err instanceof Error ? err.message : String(err)}`),
    })
    await this.watcher.ready()
    // Anything written between the last ingest and the watcher becoming ready produced no event: catch up.
    this.onChanges(new Set(), true)
  }

  /**
   * A settings change was stored: follow new source roots (re-watch and read them) and publish, so the
   * tray, popover and snapshot file show the new settings without a restart.
   */
  async applySettings(effects: SettingsEffects): Promise<void> {
    if (effects.sourcesChanged) {
      if (this.watcher !== null) {
        await this.watcher.close()
        await this.watch()
      } else {
        this.onChanges(new Set(), true)
      }
    }
    this.publish()
  }

  private onChanges(paths: ReadonlySet<string>, sawNew: boolean): void {
    try {
      const summary = this.engine.ingestPaths(paths, sawNew)
      if (summary.changedFiles > 0 || summary.newEvents > 0) this.schedulePublish()
    } catch (err) {
      this.opts.onError(err instanceof Error ? err.message : String(err))
    }
  }

  /** Publishes now, or at the end of the current coalescing interval. */
  schedulePublish(): void {
    if (this.publishTimer !== null) return
    const wait = Math.max(0, this.lastPublished + this.minIntervalMs - Date.now())
    if (wait === 0) {
      this.publish()
      return
    }
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null
      this.publish()
    }, wait)
  }

  publish(): UiSnapshot {
    const snapshot = this.engine.snapshot('ready')
    this.lastPublished = Date.now()
    const path = this.opts.snapshotPath === undefined ? this.engine.snapshotPath : this.opts.snapshotPath
    if (path !== null) {
      try {
        writeSnapshotFile(path, snapshot)
      } catch (err) {
        // A bad snapshot path (a folder that went away, no permission) must not stop the app's own views.
        this.opts.onError(`could not write the snapshot file ${path}: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
    this.opts.onSnapshot(snapshot)
    return snapshot
  }

  private armMidnight(): void {
    const ctx = this.engine.reportContext()
    const tomorrow = ctx.calendar.endOfDay(ctx.calendar.today(ctx.now))
    this.midnightTimer = setTimeout(() => {
      this.publish()
      this.armMidnight()
    }, Math.max(1000, tomorrow - Date.now() + 1000))
    this.midnightTimer.unref?.()
  }

  async stop(): Promise<void> {
    if (this.publishTimer !== null) clearTimeout(this.publishTimer)
    if (this.midnightTimer !== null) clearTimeout(this.midnightTimer)
    await this.watcher?.close()
  }
}
