import { randomBytes } from 'node:crypto'
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { isMethodName, methodParamSchemas, type MethodName, type MethodParams, type RpcOutcome } from '../../common/engine-methods.ts'
import { fieldIssues } from '../../common/field-issues.ts'
import { exportRequestSchema, type ExportOutcome, type ExportRequest } from '../../common/methods/export-methods.ts'
import { PATH_KINDS, type EngineStatus, type PathKind, type ShellAction } from '../../common/renderer-api.ts'
import type { AlertNotification } from '../../common/engine-protocol.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { startEngine, type EngineOptions, type EngineProcess, type RawOutcome } from './engine-process.ts'
import type { HarnessToPage, PageToHarness } from './wire.ts'

export interface BridgeOptions extends EngineOptions {
  /** The loopback HTTP server that serves the popover; the WebSocket shares its origin (see below). */
  readonly server: Server
  /** How long the stand-in supervisor waits before restarting a crashed engine. */
  readonly restartDelayMs?: number | undefined
}

/**
 * Stand-ins for main's native dialogs and file writing, set by each test: where a "save" dialog saves,
 * what a "pick" dialog returns, and how an export is carried out (e2e/harness/export-shell.ts).
 */
export interface ShellStandIns {
  pickPath(kind: PathKind): string | null
  exportReport(request: ExportRequest, bridge: EngineBridge): Promise<ExportOutcome>
}

export interface EngineBridge {
  /** `ws://127.0.0.1:<port>/bridge/<token>`: the only address the page's API connects to. */
  readonly wsUrl: string
  request<M extends MethodName>(method: M, params: MethodParams<M>): Promise<RpcOutcome<M>>
  /** Resolves with the first pushed snapshot (including the latest one already seen) that matches. */
  waitForSnapshot(predicate: (snapshot: UiSnapshot) => boolean, timeoutMs?: number): Promise<UiSnapshot>
  /** Kills the engine as a crash would; the bridge reports `restarting` and forks a new one. */
  crashEngine(): void
  status(): EngineStatus
  /** Shell actions the page asked for (open-preferences, quit, hide-popover), in order. */
  readonly shellActions: ShellAction[]
  /** OS notifications the engine asked for (budget and quota alerts), across engine restarts, in order. */
  notifications(): AlertNotification[]
  /** Replaces the dialog stand-ins (default: every dialog is cancelled). */
  setShell(standIns: Partial<ShellStandIns>): void
  close(): Promise<void>
}

const CANCEL_ALL: ShellStandIns = {
  pickPath: () => null,
  exportReport: () => Promise.resolve({ ok: false, canceled: true }),
}

/**
 * Plays Electron main for browser tests: runs the real engine, restarts it after a crash the way the
 * app's supervisor does, and relays calls, snapshots and engine status over a WebSocket. The socket is
 * attached to the page's own server so the renderer's CSP (`connect-src 'self'`) holds unchanged, and
 * it accepts only the random path handed to the page's init script.
 */
export async function startEngineBridge(options: BridgeOptions): Promise<EngineBridge> {
  const path = `/bridge/${randomBytes(16).toString('hex')}`
  const address = options.server.address()
  if (address === null || typeof address === 'string') throw new Error('server must listen on a TCP port')
  const wsUrl = `ws://127.0.0.1:${address.port}${path}`

  const wss = new WebSocketServer({ noServer: true })
  const clients = new Set<WebSocket>()
  const snapshotWaiters = new Set<(snapshot: UiSnapshot) => void>()
  const shellActions: ShellAction[] = []
  let standIns: ShellStandIns = CANCEL_ALL
  let engine: EngineProcess = await startEngine(options)
  let status: EngineStatus = { state: 'running' }
  let closing = false
  let attempt = 0

  const broadcast = (message: HarnessToPage): void => {
    const text = JSON.stringify(message)
    for (const client of clients) client.send(text)
  }
  const setStatus = (next: EngineStatus): void => {
    status = next
    broadcast({ type: 'engine-status', status: next })
  }

  const pastNotifications: AlertNotification[] = []
  const adopt = (proc: EngineProcess): void => {
    if (engine !== proc) pastNotifications.push(...engine.notifications)
    engine = proc
    proc.onSnapshot((snapshot) => {
      broadcast({ type: 'snapshot', snapshot })
      for (const waiter of snapshotWaiters) waiter(snapshot)
    })
    proc.onExit(() => {
      if (closing) return
      attempt += 1
      const retryInMs = options.restartDelayMs ?? 1_500
      setStatus({ state: 'restarting', attempt, retryInMs })
      setTimeout(() => void restart(), retryInMs)
    })
  }

  const restart = async (): Promise<void> => {
    if (closing) return
    try {
      adopt(await startEngine(options))
      setStatus({ state: 'running' })
    } catch (error) {
      setStatus({ state: 'down', message: error instanceof Error ? error.message.split('\n')[0] ?? 'engine failed' : 'engine failed' })
    }
  }

  adopt(engine)

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (req.url !== path) {
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws)
      ws.on('close', () => clients.delete(ws))
      ws.on('message', (data) => void onPageMessage(ws, String(data)))
      ws.send(JSON.stringify({ type: 'engine-status', status } satisfies HarnessToPage))
    })
  }
  options.server.on('upgrade', onUpgrade)

  const onPageMessage = async (ws: WebSocket, text: string): Promise<void> => {
    const message = parsePageMessage(text)
    if (message === null) return
    if (message.type === 'shell') {
      shellActions.push(message.action)
      return
    }
    if (message.type === 'pick-path') {
      ws.send(JSON.stringify({ type: 'pick-result', id: message.id, path: standIns.pickPath(message.kind) } satisfies HarnessToPage))
      return
    }
    if (message.type === 'export-report') {
      const outcome = await standIns.exportReport(message.request, bridge).catch((error: unknown): ExportOutcome => ({ ok: false, canceled: false, message: String(error) }))
      ws.send(JSON.stringify({ type: 'export-result', id: message.id, outcome } satisfies HarnessToPage))
      return
    }
    const outcome = await relayCall(engine, message.method, message.params)
    ws.send(JSON.stringify({ type: 'response', id: message.id, outcome }))
  }

  const bridge: EngineBridge = {
    wsUrl,
    // Typed view of the engine's untyped IPC answer; see engine-process.ts.
    request: (method, params) => engine.request(method, params),
    waitForSnapshot(predicate, timeoutMs = 30_000) {
      return new Promise((done, fail) => {
        const latest = engine.latestSnapshot()
        if (latest !== null && predicate(latest)) return done(latest)
        const timer = setTimeout(() => {
          snapshotWaiters.delete(check)
          fail(new Error(`no matching snapshot within ${timeoutMs} ms\n${engine.logTail()}`))
        }, timeoutMs)
        const check = (snapshot: UiSnapshot): void => {
          if (!predicate(snapshot)) return
          clearTimeout(timer)
          snapshotWaiters.delete(check)
          done(snapshot)
        }
        snapshotWaiters.add(check)
      })
    },
    crashEngine: () => engine.kill(),
    status: () => status,
    shellActions,
    notifications: () => [...pastNotifications, ...engine.notifications],
    setShell(next) {
      standIns = { ...standIns, ...next }
    },
    async close() {
      closing = true
      options.server.off('upgrade', onUpgrade)
      for (const client of clients) client.terminate()
      wss.close()
      await engine.shutdown()
    },
  }
  return bridge
}

/** Validates like main's IPC handler: unknown methods and bad params never reach the engine. */
async function relayCall(engine: EngineProcess, method: string, params: unknown): Promise<RawOutcome> {
  if (!isMethodName(method)) return { ok: false, error: { code: 'unknown-method', message: `Unknown method: ${method}` } }
  const parsed = methodParamSchemas[method].safeParse(params)
  if (!parsed.success) {
    const fields = fieldIssues(parsed.error)
    return { ok: false, error: { code: 'invalid-params', message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields } }
  }
  return engine.requestRaw(method, parsed.data)
}

function parsePageMessage(text: string): PageToHarness | null {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || !('type' in value)) return null
    if (value.type === 'shell' && 'action' in value && isShellAction(value.action)) return { type: 'shell', action: value.action }
    if (value.type === 'request' && 'id' in value && typeof value.id === 'number' && 'method' in value && typeof value.method === 'string') {
      return { type: 'request', id: value.id, method: value.method, params: 'params' in value ? value.params : undefined }
    }
    // Validated like main's IPC handlers: a malformed shell call is dropped, never half-run.
    if (value.type === 'pick-path' && 'id' in value && typeof value.id === 'number' && 'kind' in value && PATH_KINDS.some((k) => k === value.kind)) {
      return { type: 'pick-path', id: value.id, kind: value.kind as PathKind }
    }
    if (value.type === 'export-report' && 'id' in value && typeof value.id === 'number' && 'request' in value) {
      const request = exportRequestSchema.safeParse(value.request)
      if (request.success) return { type: 'export-report', id: value.id, request: request.data }
    }
    return null
  } catch {
    return null
  }
}

function isShellAction(value: unknown): value is ShellAction {
  return value === 'open-preferences' || value === 'quit' || value === 'hide-popover'
}
