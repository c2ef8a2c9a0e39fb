import { fork, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import type { MethodName, MethodParams, RpcOutcome, WireError } from '../../common/engine-methods.ts'
import { isFromEngine, type AlertNotification, type FromEngine, type ToEngine } from '../../common/engine-protocol.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'

/** The engine's plain-Node entry, the same code the app runs in its utility process. */
export const ENGINE_ENTRY = resolve(import.meta.dirname, '../../engine/entry-node.ts')

export interface EngineOptions {
  readonly home: string
  readonly dbPath: string
  readonly timezone?: string | undefined
  /** Watch sources (like the app) so appended log lines show up without a refresh call. */
  readonly watch?: boolean | undefined
  readonly readyTimeoutMs?: number | undefined
}

export interface EngineExit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

/** Untyped outcome as it arrives from the engine; typed views are built on top. */
export type RawOutcome = { ok: true; result: unknown } | { ok: false; error: WireError }

export interface EngineProcess {
  readonly pid: number
  request<M extends MethodName>(method: M, params: MethodParams<M>): Promise<RpcOutcome<M>>
  /** Relays a method call as received from the page; the engine validates name and params itself. */
  requestRaw(method: string, params: unknown): Promise<RawOutcome>
  onSnapshot(listener: (snapshot: UiSnapshot) => void): () => void
  onExit(listener: (exit: EngineExit) => void): () => void
  latestSnapshot(): UiSnapshot | null
  /** Alerts the engine asked the shell to show as OS notifications, in order. */
  readonly notifications: AlertNotification[]
  /** Kills the process without a shutdown message, as a crash would. */
  kill(): void
  shutdown(): Promise<void>
  /** The engine's recent stderr and log messages, for failure messages. */
  logTail(): string
}

const UNAVAILABLE: WireError = { code: 'engine-unavailable', message: 'The engine process exited.' }

/**
 * Forks the real engine with a given home and database, sends `start`, and resolves once it says
 * `ready`. Rejects with the engine's own output when it fails to start.
 */
export function startEngine(options: EngineOptions): Promise<EngineProcess> {
  const child = fork(ENGINE_ENTRY, [], {
    execPath: process.execPath,
    serialization: 'json',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: isolatedEnv(),
  })
  const log: string[] = []
  const remember = (line: string): void => {
    log.push(line)
    if (log.length > 200) log.shift()
  }
  child.stdout?.on('data', (chunk: Buffer) => remember(chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => remember(chunk.toString('utf8')))

  const pending = new Map<number, (outcome: RawOutcome) => void>()
  const snapshotListeners = new Set<(snapshot: UiSnapshot) => void>()
  const exitListeners = new Set<(exit: EngineExit) => void>()
  let latest: UiSnapshot | null = null
  const notifications: AlertNotification[] = []
  let nextId = 1
  let exited: EngineExit | null = null

  const send = (message: ToEngine): boolean => child.connected && child.send(message)

  const requestRaw = (method: string, params: unknown): Promise<RawOutcome> =>
    new Promise((done) => {
      if (exited !== null) return done({ ok: false, error: UNAVAILABLE })
      const id = nextId++
      pending.set(id, done)
      if (!send({ type: 'request', id, method, params })) {
        pending.delete(id)
        done({ ok: false, error: UNAVAILABLE })
      }
    })

  const engine: EngineProcess = {
    pid: child.pid ?? -1,
    // The engine answers each method with that method's result type (common/engine-methods.ts);
    // JSON over IPC erases it, so the typed view is restored here, at the process boundary.
    request: (method, params) => requestRaw(method, params) as Promise<RpcOutcome<typeof method>>,
    requestRaw,
    onSnapshot(listener) {
      snapshotListeners.add(listener)
      return () => snapshotListeners.delete(listener)
    },
    onExit(listener) {
      exitListeners.add(listener)
      return () => exitListeners.delete(listener)
    },
    latestSnapshot: () => latest,
    notifications,
    kill: () => void child.kill('SIGKILL'),
    shutdown: () => shutdown(child, send, () => exited !== null),
    logTail: () => log.join('').slice(-4000),
  }

  return new Promise((resolveStart, rejectStart) => {
    let ready = false
    const timer = setTimeout(() => {
      if (ready) return
      child.kill('SIGKILL')
      rejectStart(new Error(`engine did not become ready in time\n${engine.logTail()}`))
    }, options.readyTimeoutMs ?? 60_000)

    child.on('message', (raw: unknown) => {
      if (!isFromEngine(raw)) return
      const message: FromEngine = raw
      switch (message.type) {
        case 'ready':
          ready = true
          clearTimeout(timer)
          resolveStart(engine)
          return
        case 'snapshot':
          latest = message.snapshot
          for (const listener of snapshotListeners) listener(message.snapshot)
          return
        case 'response': {
          const done = pending.get(message.id)
          pending.delete(message.id)
          done?.(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error })
          return
        }
        case 'fatal':
          remember(`fatal ${message.error.code}: ${message.error.message}\n`)
          if (!ready) {
            clearTimeout(timer)
            rejectStart(new Error(`engine failed to start: ${message.error.message}\n${engine.logTail()}`))
          }
          return
        case 'log':
          remember(`[${message.level}] ${message.message}\n`)
          return
        case 'notify':
          notifications.push(message.notification)
          remember(`[notify] ${message.notification.title}: ${message.notification.body}\n`)
          return
        default:
          return message satisfies never
      }
    })

    child.on('exit', (code, signal) => {
      exited = { code, signal }
      for (const done of pending.values()) done({ ok: false, error: UNAVAILABLE })
      pending.clear()
      if (!ready) {
        clearTimeout(timer)
        rejectStart(new Error(`engine exited before ready (code ${code}, signal ${signal})\n${engine.logTail()}`))
      }
      for (const listener of exitListeners) listener(exited)
    })

    send({
      type: 'start',
      home: options.home,
      dbPath: options.dbPath,
      timezone: options.timezone ?? 'UTC',
      watch: options.watch ?? true,
      snapshotPath: null,
    })
  })
}

/** Asks the engine to stop, and kills it if it has not exited after a bounded wait. */
async function shutdown(child: ChildProcess, send: (m: ToEngine) => boolean, hasExited: () => boolean): Promise<void> {
  if (hasExited()) return
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  send({ type: 'shutdown' })
  const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 5_000).unref())
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL')
    await exited
  }
}

/**
 * The agents' own location variables would point discovery at the developer's real logs; without them
 * every source resolves under the fixture home passed in `start`.
 */
const AGENT_LOCATION_VARS = [
  'CLAUDE_CONFIG_DIR',
  'CODEX_HOME',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'GEMINI_CLI_HOME',
  'OPENCODE_DB',
  'OPENCODE_DISABLE_CHANNEL_DB',
  'TOKENLEDGER_HOME',
]

function isolatedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of AGENT_LOCATION_VARS) delete env[name]
  return env
}
