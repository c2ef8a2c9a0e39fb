import type { MethodName, RpcOutcome } from '../../common/engine-methods.ts'
import type { ExportOutcome } from '../../common/methods/export-methods.ts'
import type { EngineStatus, TokenLedgerApi } from '../../common/renderer-api.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import type { HarnessToPage, PageToHarness } from './wire.ts'

export interface PageApiArgs {
  /** The bridge's WebSocket address. */
  readonly wsUrl: string
  /** Install only in documents of this origin (not in about:blank or anything else). */
  readonly origin: string
}

/**
 * Runs IN THE PAGE before the renderer's scripts (via `page.addInitScript`), standing in for the
 * preload: it defines `window.tokenledger` over the harness WebSocket. It is typed as the real
 * `TokenLedgerApi`, so a contract change breaks this file at type-check time. It must stay
 * self-contained: Playwright ships its source text, so it cannot use imports at run time.
 */
export function installTokenLedgerApi(args: PageApiArgs): void {
  // `location` is a DOM global; this file is type-checked with Node's lib, so it is read reflectively.
  const here: unknown = Reflect.get(globalThis, 'location')
  if (typeof here !== 'object' || here === null || !('origin' in here) || here.origin !== args.origin) return
  const socket = new WebSocket(args.wsUrl)
  const queue: string[] = []
  const pending = new Map<number, (outcome: RpcOutcome<MethodName>) => void>()
  const snapshotListeners = new Set<(snapshot: UiSnapshot) => void>()
  const statusListeners = new Set<(status: EngineStatus) => void>()
  // Shell calls (export, pick dialogs) have their own id space and answers.
  const pendingShell = new Map<number, (value: unknown) => void>()
  let nextId = 1

  const send = (message: PageToHarness): void => {
    const text = JSON.stringify(message)
    if (socket.readyState === WebSocket.OPEN) socket.send(text)
    else queue.push(text)
  }
  socket.addEventListener('open', () => {
    for (const text of queue.splice(0)) socket.send(text)
  })
  socket.addEventListener('message', (event) => {
    const message: HarnessToPage = JSON.parse(String(event.data))
    if (message.type === 'response') {
      pending.get(message.id)?.(message.outcome)
      pending.delete(message.id)
    } else if (message.type === 'export-result' || message.type === 'pick-result') {
      pendingShell.get(message.id)?.(message.type === 'export-result' ? message.outcome : message.path)
      pendingShell.delete(message.id)
    } else if (message.type === 'snapshot') {
      for (const listener of snapshotListeners) listener(message.snapshot)
    } else {
      for (const listener of statusListeners) listener(message.status)
    }
  })
  socket.addEventListener('close', () => {
    for (const done of pending.values()) done({ ok: false, error: { code: 'engine-unavailable', message: 'Lost the connection to the app.' } })
    pending.clear()
    for (const done of pendingShell.values()) done(null)
    pendingShell.clear()
    for (const listener of statusListeners) listener({ state: 'down', message: 'Lost the connection to the app.' })
  })

  const api: TokenLedgerApi = {
    call(method, params) {
      return new Promise((done) => {
        const id = nextId++
        // The harness answers with this method's outcome; the id pairs them (the preload does the same).
        pending.set(id, done as (outcome: RpcOutcome<MethodName>) => void)
        send({ type: 'request', id, method, params })
      })
    },
    onSnapshot(listener) {
      snapshotListeners.add(listener)
      return () => snapshotListeners.delete(listener)
    },
    onEngineStatus(listener) {
      statusListeners.add(listener)
      return () => statusListeners.delete(listener)
    },
    shell(action) {
      send({ type: 'shell', action })
    },
    exportReport(request) {
      return new Promise((done) => {
        const id = nextId++
        pendingShell.set(id, (value) => done((value ?? { ok: false, canceled: false, message: 'Lost the connection to the app.' }) as ExportOutcome))
        send({ type: 'export-report', id, request })
      })
    },
    pickPath(kind) {
      return new Promise((done) => {
        const id = nextId++
        pendingShell.set(id, (value) => done(typeof value === 'string' ? value : null))
        send({ type: 'pick-path', id, kind })
      })
    },
  }
  Object.defineProperty(globalThis, 'tokenledger', { value: api, writable: false, enumerable: true })
}
