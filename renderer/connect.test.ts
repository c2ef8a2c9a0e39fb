import { describe, expect, it } from 'vitest'
import type { MethodName, RpcOutcome } from '../common/engine-methods.ts'
import type { EngineStatus, TokenLedgerApi } from '../common/renderer-api.ts'
import type { UiSnapshot } from '../common/snapshot.ts'
import { connectLedger } from './connect.ts'

function snapshot(todayUsd: number): UiSnapshot {
  const period = { costUsd: todayUsd, effectiveCostUsd: todayUsd, tokens: { input: 0, output: 0, cacheWrite: 0, cacheRead: 0, reasoning: 0 }, requests: 1, unpricedTokens: 0 }
  return {
    schemaVersion: 1,
    generatedAt: '2025-06-03T10:00:00.000Z',
    timezone: 'UTC',
    currency: 'USD',
    engineState: 'ready',
    error: null,
    today: period,
    week: period,
    month: period,
    projectedMonthUsd: null,
    blendedUsdPerMtok: null,
    valueVsPaid: null,
    providers: [],
    topModels: [],
    quotas: [],
    daily: [],
    suggestions: [],
    sources: [],
    empty: false,
  }
}

/** A bridge stand-in: `snapshot.get` answers with whatever `current` holds; pushes are manual. */
function fakeApi(initial: RpcOutcome<'snapshot.get'>) {
  const state = { current: initial, calls: [] as MethodName[] }
  const snapshotListeners: Array<(s: UiSnapshot) => void> = []
  const statusListeners: Array<(s: EngineStatus) => void> = []
  const api: TokenLedgerApi = {
    call: async (method) => {
      state.calls.push(method)
      // Only snapshot.get is used by connectLedger.
      return state.current as never
    },
    onSnapshot: (l) => {
      snapshotListeners.push(l)
      return () => {}
    },
    onEngineStatus: (l) => {
      statusListeners.push(l)
      return () => {}
    },
    shell: () => {},
    exportReport: async () => ({ ok: false, canceled: true }),
    pickPath: async () => null,
  }
  return {
    api,
    state,
    push: (s: UiSnapshot) => snapshotListeners.forEach((l) => l(s)),
    status: (s: EngineStatus) => statusListeners.forEach((l) => l(s)),
  }
}

function sink() {
  const seen = { snapshots: [] as number[], errors: [] as string[], statuses: [] as string[] }
  return {
    seen,
    setSnapshot: (s: UiSnapshot) => void seen.snapshots.push(s.today.costUsd),
    setLoadError: (e: { message: string }) => void seen.errors.push(e.message),
    setEngine: (s: EngineStatus) => void seen.statuses.push(s.state),
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('connectLedger', () => {
  it('loads the current snapshot once, then follows pushed ones', async () => {
    const bridge = fakeApi({ ok: true, result: snapshot(1.5) })
    const out = sink()
    connectLedger(bridge.api, out)
    await flush()
    bridge.push(snapshot(2.25))
    expect(out.seen.snapshots).toEqual([1.5, 2.25])
  })

  it('reports a failed initial load with the engine message', async () => {
    const bridge = fakeApi({ ok: false, error: { code: 'database-locked', message: 'ledger is locked' } })
    const out = sink()
    connectLedger(bridge.api, out)
    await flush()
    expect(out.seen.errors).toEqual(['ledger is locked'])
  })

  it('fetches the snapshot again when the engine is back after a restart', async () => {
    const bridge = fakeApi({ ok: true, result: snapshot(1) })
    const out = sink()
    connectLedger(bridge.api, out)
    await flush()
    bridge.state.current = { ok: true, result: snapshot(3) }
    bridge.status({ state: 'restarting', attempt: 1, retryInMs: 1000 })
    bridge.status({ state: 'running' })
    await flush()
    expect(out.seen.snapshots).toEqual([1, 3])
    expect(out.seen.statuses).toEqual(['restarting', 'running'])
  })
})
