import { watch, type FSWatcher } from 'chokidar'

export interface SourceWatcherOptions {
  /** Directories to watch (existing source roots), each to its depth (unset = the whole tree). */
  readonly roots: readonly { readonly dir: string; readonly depth?: number | undefined }[]
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
  private readonly watchers: FSWatcher[]
  private pending = new Set<string>()
  private sawNew = false
  private timer: NodeJS.Timeout | null = null
  private readonly debounceMs: number
  private readonly onChanges: SourceWatcherOptions['onChanges']

  constructor(opts: SourceWatcherOptions) {
    this.debounceMs = opts.debounceMs ?? 25
    this.onChanges = opts.onChanges
    // chokidar's depth applies to a whole watcher: one watcher per distinct depth.
    const byDepth = new Map<number | undefined, string[]>()
    for (const r of opts.roots) byDepth.set(r.depth, [...(byDepth.get(r.depth) ?? []), r.dir])
    this.watchers = [...byDepth].map(([depth, dirs]) => {
      const w = watch(dirs, depth === undefined ? { ignoreInitial: true, persistent: true } : { ignoreInitial: true, persistent: true, depth })
      w.on('add', (p: string) => this.queue(p, true))
      w.on('change', (p: string) => this.queue(p, false))
      w.on('unlink', (p: string) => this.queue(p, true))
      w.on('error', (err: unknown) => opts.onError?.(err))
      return w
    })
  }

  /** Resolves once the initial directory scans are done and events will be delivered. */
  ready(): Promise<void> {
    return Promise.all(this.watchers.map((w) => new Promise<void>((resolve) => w.once('ready', () => resolve())))).then(() => undefined)
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
    await Promise.all(this.watchers.map((w) => w.close()))
  }
}
