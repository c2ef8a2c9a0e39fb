import { isFromEngine, type AlertNotification, type FromEngine } from '../common/engine-protocol.ts'
import type { MethodName, RpcOutcome, WireError } from '../common/engine-methods.ts'
import type { EngineStatus } from '../common/renderer-api.ts'
import { SNAPSHOT_SCHEMA_VERSION, type UiSnapshot } from '../common/snapshot.ts'
import { BACKOFF, restartDelayMs } from './backoff.ts'
import type { EngineProcessLike, StartMessage } from './engine-process.ts'

export interface EngineSupervisorOptions {
  /** Starts one engine process; called again for every restart. */
  readonly spawn: () => EngineProcessLike
  /** Sent first to every process, so a restarted engine resumes with the same settings. */
  readonly startMessage: StartMessage
  readonly onSnapshot?: (snapshot: UiSnapshot) => void
  readonly onStatus?: (status: EngineStatus) => void
  readonly onLog?: (level: 'info' | 'warn' | 'error', message: string) => void
  /** A budget or quota alert to show; the engine has already deduplicated it. */
  readonly onNotify?: (notification: AlertNotification) => void
  /** A UI waiting longer than this is better told "no answer" than left spinning. */
  readonly requestTimeoutMs?: number
  /** Per-method overrides: a refresh during the first backfill legitimately takes longer. */
  readonly methodTimeoutMs?: Partial<Record<MethodName, number>>
  /** How long `stop()` waits for a clean shutdown (WAL checkpoint) before killing. */
  readonly shutdownGraceMs?: number
  readonly now?: () => number
}

export interface EngineSupervisor {
  /** Spawns the engine. Idempotent while a process is alive. */
  start(): void
  /** Sends a request; always resolves, failures come back as `{ ok: false, error }`. */
  request(method: MethodName, params: unknown): Promise<RpcOutcome<MethodName>>
  /** Manual restart after the supervisor gave up (`down`), e.g. from the tray's Refresh. */
  retry(): void
  /** Asks the engine to shut down, kills it after the grace period, and stops restarting. */
  stop(): Promise<void>
  /** The latest snapshot pushed by any engine process, kept across restarts. */
  snapshot(): UiSnapshot | null
  status(): EngineStatus
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000

interface Pending {
  readonly method: MethodName
  readonly resolve: (outcome: RpcOutcome<MethodName>) => void
  readonly timer: ReturnType<typeof setTimeout>
}

const unavailable = (message: string): RpcOutcome<MethodName> => ({
  ok: false,
  error: { code: 'engine-unavailable', message },
})

/** Owns the engine's lifecycle: start, restart with backoff, request correlation, timeouts, snapshot cache. */
export function createEngineSupervisor(options: EngineSupervisorOptions): EngineSupervisor {
  const now = options.now ?? Date.now
  const defaultTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const pending = new Map<number, Pending>()
  let child: EngineProcessLike | null = null
  let startedAt = 0
  let rapidFailures = 0
  let restartTimer: ReturnType<typeof setTimeout> | null = null
  let stopping = false
  let fatal: WireError | null = null
  let nextId = 1
  let latest: UiSnapshot | null = null
  let current: EngineStatus = { state: 'running' }
  const exitWaiters: Array<() => void> = []

  function setStatus(next: EngineStatus): void {
    if (JSON.stringify(next) === JSON.stringify(current)) return
    current = next
    options.onStatus?.(next)
  }

  function settle(id: number, outcome: RpcOutcome<MethodName>): void {
    const entry = pending.get(id)
    if (!entry) return // late answer after a timeout, or an id we never sent
    pending.delete(id)
    clearTimeout(entry.timer)
    entry.resolve(outcome)
  }

  function failAllPending(message: string): void {
    for (const id of [...pending.keys()]) settle(id, unavailable(message))
  }

  function spawnOnce(): void {
    let proc: EngineProcessLike
    try {
      proc = options.spawn()
    } catch (error) {
      onGone(`could not start: ${error instanceof Error ? error.message : String(error)}`)
      return
    }
    child = proc
    startedAt = now()
    // Listeners check identity so a late event from a replaced process cannot disturb its successor.
    proc.on('message', (message) => {
      if (child === proc) onMessage(message)
    })
    proc.on('exit', (code) => {
      if (child !== proc) return
      child = null
      onGone(`exited with code ${code ?? 'unknown'}`)
    })
    proc.postMessage(options.startMessage)
    setStatus({ state: 'running' })
  }

  function onGone(reason: string): void {
    failAllPending(`The engine stopped (${reason}) before answering.`)
    if (stopping) {
      for (const resolve of exitWaiters.splice(0)) resolve()
      return
    }
    if (fatal) {
      // A fatal error (newer or corrupt database…) would recur on every restart: say so and wait.
      setStatus({ state: 'down', message: fatal.message })
      return
    }
    const stayedUp = now() - startedAt >= BACKOFF.stableAfterMs
    rapidFailures = stayedUp ? 1 : rapidFailures + 1
    if (rapidFailures >= BACKOFF.maxRapidFailures) {
      setStatus({
        state: 'down',
        message: `The engine stopped ${rapidFailures} times in a row (last: ${reason}). Use Refresh in the tray menu to try again.`,
      })
      return
    }
    const retryInMs = restartDelayMs(rapidFailures)
    setStatus({ state: 'restarting', attempt: rapidFailures, retryInMs })
    restartTimer = setTimeout(() => {
      restartTimer = null
      spawnOnce()
    }, retryInMs)
  }

  function onMessage(message: unknown): void {
    if (!isFromEngine(message)) return // unknown traffic is ignored, never fatal
    const m: FromEngine = message
    switch (m.type) {
      case 'ready':
        setStatus({ state: 'running' })
        return
      case 'snapshot':
        if (isSnapshot(m.snapshot)) {
          latest = m.snapshot
          options.onSnapshot?.(m.snapshot)
        }
        return
      case 'response':
        if (typeof m.id !== 'number') return
        settle(m.id, m.ok ? { ok: true, result: m.result } : { ok: false, error: m.error })
        return
      case 'fatal':
        fatal = m.error
        setStatus({ state: 'down', message: m.error.message })
        return
      case 'log':
        options.onLog?.(m.level, m.message)
        return
      case 'notify':
        options.onNotify?.(m.notification)
        return
      default:
        m satisfies never
    }
  }

  function request(method: MethodName, params: unknown): Promise<RpcOutcome<MethodName>> {
    const proc = child
    if (!proc) return Promise.resolve(unavailable(describeUnavailable(current)))
    const id = nextId++
    const timeoutMs = options.methodTimeoutMs?.[method] ?? defaultTimeout
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        settle(id, unavailable(`The engine did not answer ${method} within ${Math.round(timeoutMs / 1000)} s.`))
      }, timeoutMs)
      pending.set(id, { method, resolve, timer })
      try {
        proc.postMessage({ type: 'request', id, method, params })
      } catch (error) {
        settle(id, unavailable(`Could not reach the engine: ${error instanceof Error ? error.message : String(error)}`))
      }
    })
  }

  return {
    start() {
      if (child || restartTimer) return
      stopping = false
      spawnOnce()
    },
    request,
    retry() {
      if (child && current.state !== 'down') return
      if (child) {
        // Down after a fatal error but still alive: replace it, so Refresh really starts over.
        const old = child
        child = null
        failAllPending('The engine is being restarted.')
        old.kill()
      }
      if (restartTimer) clearTimeout(restartTimer)
      restartTimer = null
      rapidFailures = 0
      fatal = null
      stopping = false
      spawnOnce()
    },
    async stop() {
      stopping = true
      if (restartTimer) clearTimeout(restartTimer)
      restartTimer = null
      const proc = child
      if (!proc) return
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          proc.kill()
          if (child === proc) {
            child = null
            failAllPending('The engine was stopped because TokenLedger is quitting.')
          }
          resolve()
        }, options.shutdownGraceMs ?? 2_000)
        exitWaiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
        try {
          proc.postMessage({ type: 'shutdown' })
        } catch {
          // Already gone: the exit event (or the grace timer) settles this.
        }
      })
    },
    snapshot: () => latest,
    status: () => current,
  }
}

function describeUnavailable(status: EngineStatus): string {
  switch (status.state) {
    case 'restarting':
      return `The engine is restarting (attempt ${status.attempt}, next try in ${Math.ceil(status.retryInMs / 1000)} s).`
    case 'down':
      return `The engine is not running: ${status.message}`
    case 'running':
      return 'The engine is not running.'
    default:
      return status satisfies never
  }
}

/** Cheap boundary check: a malformed snapshot must not reach the tray formatter and throw there. */
function isSnapshot(value: unknown): value is UiSnapshot {
  return (
    typeof value === 'object' &&
    value !== null &&
    'schemaVersion' in value &&
    value.schemaVersion === SNAPSHOT_SCHEMA_VERSION &&
    'today' in value &&
    typeof value.today === 'object' &&
    value.today !== null
  )
}
