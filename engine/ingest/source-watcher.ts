import { watch, type FSWatcher } from 'chokidar'

export interface SourceWatcherOptions {
  /** Directories to watch recursively (existing source roots). */
  readonly dirs: readonly string[]
  /** Quiet period before a batch of changes is handed over. */
  readonly debounceMs?: number
  readonly onChanges: (paths: ReadonlySet<string>, sawNewFiles: boolean) => void
  readonly onError?: (err: unknown) => void
}

/**
 * Watches source roots (directories, not files: inotify watches are a bounded resource) and hands over
 * debounced batches of changed paths. Event-driven: no polling and no timers while nothing changes.
 */
export class SourceWatcher {
  private readonly watcher: FSWatcher
  private pending = new Set<string>()
  private sawNew = false
  private timer: NodeJS.Timeout | null = null
  private readonly debounceMs: number
  private readonly onChanges: SourceWatcherOptions['onChanges']

  constructor(opts: SourceWatcherOptions) {
    this.debounceMs = opts.debounceMs ?? 25
    this.onChanges = opts.onChanges
    this.watcher = watch([...opts.dirs], { ignoreInitial: true, persistent: true })
    this.watcher.on('add', (p: string) => this.queue(p, true))
    this.watcher.on('change', (p: string) => this.queue(p, false))
    this.watcher.on('unlink', (p: string) => this.queue(p, true))
    this.watcher.on('error', (err: unknown) => opts.onError?.(err))
  }

  /** Resolves once the initial directory scan is done and events will be delivered. */
  ready(): Promise<void> {
    return new Promise((resolve) => this.watcher.once('ready', () => resolve()))
  }

  private queue(path: string, isNew: boolean): void {
    this.pending.add(path)
    this.sawNew ||= isNew
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.flush(), this.debounceMs)
  }

  private flush(): void {
    this.timer = null
    const paths = this.pending
    const sawNew = this.sawNew
    this.pending = new Set()
    this.sawNew = false
    this.onChanges(paths, sawNew)
  }

  async close(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer)
    await this.watcher.close()
  }
}
