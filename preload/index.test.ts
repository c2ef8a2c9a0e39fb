import { describe, expect, it, vi } from 'vitest'
import { IPC_CHANNELS, type EngineStatus, type TokenLedgerApi } from '../common/renderer-api.ts'

const electron = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  const exposed = new Map<string, unknown>()
  const invoked: unknown[][] = []
  const sent: unknown[][] = []
  const bus = new Emitter()
  const state = { fail: false }
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args)
      if (state.fail) throw new Error("Error invoking remote method 'tokenledger:call': reply was never sent")
      return { ok: true, result: { changedFiles: 1, newEvents: 7 } }
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => bus.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => bus.removeListener(channel, listener),
    send: (...args: unknown[]) => sent.push(args),
  }
  const contextBridge = { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) }
  return { exposed, invoked, sent, bus, state, ipcRenderer, contextBridge }
})
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }))

await import('./index.ts')

/** The object the renderer sees as `window.tokenledger`. */
function api(): TokenLedgerApi {
  const exposed = electron.exposed.get('tokenledger')
  if (!isApi(exposed)) throw new Error('window.tokenledger was not exposed')
  return exposed
}
function isApi(value: unknown): value is TokenLedgerApi {
  return typeof value === 'object' && value !== null && 'call' in value && 'onSnapshot' in value
}

/** Only identity matters here: the bridge passes the payload through untouched. */
const SNAPSHOT = { schemaVersion: 1, generatedAt: '2026-03-14T10:00:00.000Z' }

describe('preload bridge', () => {
  it('exposes exactly call, onSnapshot, onEngineStatus, shell, exportReport and pickPath as window.tokenledger', () => {
    expect([...electron.exposed.keys()]).toEqual(['tokenledger'])
    expect(Object.keys(api()).sort()).toEqual(['call', 'exportReport', 'onEngineStatus', 'onSnapshot', 'pickPath', 'shell'])
  })

  it('invokes the export and pick channels with only the request (never a path of its own)', async () => {
    electron.state.fail = false
    electron.invoked.length = 0
    const request = { format: 'csv', group: 'day', since: '2026-11-01', until: '2026-11-30' } as const
    await api().exportReport(request)
    await api().pickPath('cursor-csv')
    expect(electron.invoked).toEqual([
      [IPC_CHANNELS.exportReport, request],
      [IPC_CHANNELS.pickPath, 'cursor-csv'],
    ])
  })

  it('invokes tokenledger:call with method and params', async () => {
    electron.state.fail = false
    electron.invoked.length = 0
    const outcome = await api().call('ingest.refresh', {})
    expect({ outcome, invoked: electron.invoked }).toEqual({
      outcome: { ok: true, result: { changedFiles: 1, newEvents: 7 } },
      invoked: [[IPC_CHANNELS.call, 'ingest.refresh', {}]],
    })
  })

  it('turns a failed invoke into an engine-unavailable outcome instead of rejecting', async () => {
    electron.state.fail = true
    await expect(api().call('sources.list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'engine-unavailable', message: "Error invoking remote method 'tokenledger:call': reply was never sent" },
    })
  })

  it('delivers pushed snapshots without the IPC event', () => {
    const received: unknown[][] = []
    const unsubscribe = api().onSnapshot((...args) => received.push(args))
    electron.bus.emit(IPC_CHANNELS.snapshot, { sender: 'ipc-event' }, SNAPSHOT)
    unsubscribe()
    expect(received).toEqual([[SNAPSHOT]])
  })

  it('stops delivering after unsubscribe and removes the listener', () => {
    const received: EngineStatus[] = []
    const unsubscribe = api().onEngineStatus((status) => received.push(status))
    electron.bus.emit(IPC_CHANNELS.engineStatus, {}, { state: 'restarting', attempt: 1, retryInMs: 500 })
    unsubscribe()
    electron.bus.emit(IPC_CHANNELS.engineStatus, {}, { state: 'running' })
    expect({ received, listeners: electron.bus.listenerCount(IPC_CHANNELS.engineStatus) }).toEqual({
      received: [{ state: 'restarting', attempt: 1, retryInMs: 500 }],
      listeners: 0,
    })
  })

  it('sends shell actions on tokenledger:shell', () => {
    api().shell('open-preferences')
    expect(electron.sent.at(-1)).toEqual([IPC_CHANNELS.shell, 'open-preferences'])
  })
})
