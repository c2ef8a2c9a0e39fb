import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MethodName, RpcOutcome } from '../common/engine-methods.ts'
import { IPC_CHANNELS } from '../common/renderer-api.ts'
import type { UiSnapshot } from '../common/snapshot.ts'
import type { IpcDeps, PushTarget, SenderEvent } from './ipc.ts'
import { makeSnapshot, period } from './snapshot-fixture.ts'

type Handler = (event: SenderEvent, ...args: unknown[]) => unknown

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>()
  const listeners = new Map<string, Handler>()
  return {
    handlers,
    listeners,
    ipcMain: {
      handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
      on: (channel: string, listener: Handler) => listeners.set(channel, listener),
      removeListener: (channel: string) => listeners.delete(channel),
    },
  }
})
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }))

const { pushToAll, registerIpc } = await import('./ipc.ts')

const OURS: SenderEvent = { senderFrame: { url: 'file:///app/out/renderer/index.html' } }
const FOREIGN: SenderEvent = { senderFrame: { url: 'https://example.com/' } }
const GONE: SenderEvent = { senderFrame: null }

function setup(cached: UiSnapshot | null = null) {
  const requests: Array<{ method: MethodName; params: unknown }> = []
  const shellCalls: string[] = []
  const exports: unknown[] = []
  const deps: IpcDeps = {
    request: async (method, params): Promise<RpcOutcome<MethodName>> => {
      requests.push({ method, params })
      return { ok: true, result: { changedFiles: 0, newEvents: 0 } }
    },
    cachedSnapshot: () => cached,
    isAppUrl: (url) => url.startsWith('file:///app/out/renderer/'),
    shell: {
      'open-preferences': () => shellCalls.push('open-preferences'),
      quit: () => shellCalls.push('quit'),
      'hide-popover': () => shellCalls.push('hide-popover'),
    },
    exportReport: async (request) => {
      exports.push(request)
      return { ok: true, path: '/tmp/report.csv', bytes: 10 }
    },
    pickPath: async (kind) => (kind === 'folder' ? '/picked/folder' : null),
  }
  const unregister = registerIpc(deps)
  const call = (event: SenderEvent, ...args: unknown[]): unknown => electron.handlers.get(IPC_CHANNELS.call)?.(event, ...args)
  const shell = (event: SenderEvent, action: unknown): unknown => electron.listeners.get(IPC_CHANNELS.shell)?.(event, action)
  const exportReport = (event: SenderEvent, request: unknown): unknown => electron.handlers.get(IPC_CHANNELS.exportReport)?.(event, request)
  const pickPath = (event: SenderEvent, kind: unknown): unknown => electron.handlers.get(IPC_CHANNELS.pickPath)?.(event, kind)
  return { requests, shellCalls, exports, call, shell, exportReport, pickPath, unregister }
}

beforeEach(() => {
  electron.handlers.clear()
  electron.listeners.clear()
})

describe('tokenledger:call', () => {
  it('forwards a valid call to the engine with the parsed params', async () => {
    const { call, requests } = setup()
    await expect(call(OURS, 'ingest.refresh', {})).resolves.toEqual({ ok: true, result: { changedFiles: 0, newEvents: 0 } })
    expect(requests).toEqual([{ method: 'ingest.refresh', params: {} }])
  })

  it('answers an unknown method with unknown-method', async () => {
    const { call, requests } = setup()
    await expect(call(OURS, 'fs.readFile', { path: '/etc/passwd' })).resolves.toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'Unknown method: "fs.readFile".' },
    })
    expect(requests).toEqual([])
  })

  it('does not treat inherited object keys as methods', async () => {
    const { call } = setup()
    await expect(call(OURS, 'constructor', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-method' } })
  })

  it.each([
    ['a bad date', 'report.daily', { since: '14/03/2026' }, 'report.daily: since: expected YYYY-MM-DD', [{ field: 'since', message: 'expected YYYY-MM-DD' }]],
    ['an extra key', 'snapshot.get', { sql: 'drop table' }, 'snapshot.get: sql: Unrecognized key: "sql"', [{ field: 'sql', message: 'Unrecognized key: "sql"' }]],
    ['missing params', 'sources.list', undefined, 'sources.list: (input): Invalid input: expected object, received undefined', [{ field: '(input)', message: 'Invalid input: expected object, received undefined' }]],
    ['a negative override price', 'overrides.add', { model: 'gpt-5', prices: { input: -1 } }, 'overrides.add: prices.input: a price cannot be negative', [{ field: 'prices.input', message: 'a price cannot be negative' }]],
  ])('rejects %s with invalid-params naming the field', async (_label, method, params, message, fields) => {
    const { call, requests } = setup()
    await expect(call(OURS, method, params)).resolves.toEqual({ ok: false, error: { code: 'invalid-params', message, fields } })
    expect(requests).toEqual([])
  })

  it.each([
    ['a foreign page', FOREIGN],
    ['a frame that navigated away', GONE],
  ])('refuses calls from %s', async (_label, event) => {
    const { call, requests } = setup()
    await expect(call(event, 'ingest.refresh', {})).resolves.toEqual({
      ok: false,
      error: { code: 'invalid-params', message: 'Calls are accepted only from TokenLedger windows.' },
    })
    expect(requests).toEqual([])
  })

  it('serves snapshot.get from the cache without asking the engine', async () => {
    const snapshot = makeSnapshot({ today: period(12.4) })
    const { call, requests } = setup(snapshot)
    await expect(call(OURS, 'snapshot.get', {})).resolves.toEqual({ ok: true, result: snapshot })
    expect(requests).toEqual([])
  })

  it('turns an exception in the request path into an internal error', async () => {
    registerIpc({
      request: () => Promise.reject(new Error('boom')),
      cachedSnapshot: () => null,
      isAppUrl: () => true,
      shell: { 'open-preferences': () => {}, quit: () => {}, 'hide-popover': () => {} },
      exportReport: () => Promise.reject(new Error('boom')),
      pickPath: () => Promise.reject(new Error('boom')),
    })
    await expect(electron.handlers.get(IPC_CHANNELS.call)?.(OURS, 'sources.list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    })
  })

  it('removes its handlers when unregistered', () => {
    const { unregister } = setup()
    unregister()
    expect([...electron.handlers.keys(), ...electron.listeners.keys()]).toEqual([])
  })
})

describe('tokenledger:shell', () => {
  it.each(['open-preferences', 'quit', 'hide-popover'])('runs %s from our window', (action) => {
    const { shell, shellCalls } = setup()
    shell(OURS, action)
    expect(shellCalls).toEqual([action])
  })

  it.each([
    ['an unknown action from our window', OURS, 'rm -rf'],
    ['quit from a foreign page', FOREIGN, 'quit'],
  ])('ignores %s', (_label, event, action) => {
    const { shell, shellCalls } = setup()
    shell(event, action)
    expect(shellCalls).toEqual([])
  })
})

describe('tokenledger:export-report and tokenledger:pick-path', () => {
  const request = { format: 'csv', group: 'day', since: '2026-11-01', until: '2026-11-30' }

  it('runs a valid export from our window', async () => {
    const { exportReport, exports } = setup()
    await expect(exportReport(OURS, request)).resolves.toEqual({ ok: true, path: '/tmp/report.csv', bytes: 10 })
    expect(exports).toEqual([request])
  })

  it.each([
    ['a foreign page', FOREIGN, request, 'only from TokenLedger windows'],
    ['an unknown format', OURS, { ...request, format: 'exe' }, 'format'],
    ['a path smuggled into the request', OURS, { ...request, out: '/etc/passwd' }, 'out'],
    ['a date that is not a date', OURS, { ...request, since: 'yesterday' }, 'since'],
  ])('refuses %s without exporting', async (_label, event, bad, mentions) => {
    const { exportReport, exports } = setup()
    const outcome = (await exportReport(event, bad)) as { ok: boolean; message: string }
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toContain(mentions)
    expect(exports).toEqual([])
  })

  it('answers a pick only for our windows and known kinds', async () => {
    const { pickPath } = setup()
    await expect(pickPath(OURS, 'folder')).resolves.toBe('/picked/folder')
    await expect(pickPath(FOREIGN, 'folder')).resolves.toBeNull()
    await expect(pickPath(OURS, 'any-file')).resolves.toBeNull()
  })
})

describe('pushToAll', () => {
  it('sends to live windows and skips destroyed ones', () => {
    const sent: string[] = []
    const target = (name: string, destroyed: boolean): PushTarget => ({
      isDestroyed: () => destroyed,
      send: (channel) => sent.push(`${name}:${channel}`),
    })
    pushToAll([target('popover', false), target('closed', true), target('prefs', false)], IPC_CHANNELS.snapshot, makeSnapshot())
    expect(sent).toEqual(['popover:tokenledger:snapshot', 'prefs:tokenledger:snapshot'])
  })
})
