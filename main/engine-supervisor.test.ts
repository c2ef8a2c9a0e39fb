import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ToEngine } from '../common/engine-protocol.ts'
import type { EngineStatus } from '../common/renderer-api.ts'
import type { UiSnapshot } from '../common/snapshot.ts'
import type { EngineProcessLike, StartMessage } from './engine-process.ts'
import { createEngineSupervisor } from './engine-supervisor.ts'
import { makeSnapshot, period } from './snapshot-fixture.ts'

/** A stand-in for the utility process: records what it was sent and lets the test play the engine. */
class FakeEngine extends EventEmitter implements EngineProcessLike {
  readonly sent: ToEngine[] = []
  killed = false
  postMessage(message: ToEngine): void {
    this.sent.push(message)
  }
  kill(): void {
    this.killed = true
    this.emit('exit', null)
  }
  /** The engine crashes. */
  crash(code = 1): void {
    this.emit('exit', code)
  }
  reply(message: unknown): void {
    this.emit('message', message)
  }
  lastRequestId(): number {
    const last = this.sent.at(-1)
    return last?.type === 'request' ? last.id : -1
  }
}

const START: StartMessage = {
  type: 'start',
  home: '/home/ada',
  dbPath: '/home/ada/.config/TokenLedger/ledger.sqlite',
  timezone: 'Europe/Paris',
  watch: true,
  snapshotPath: null,
}

function setup() {
  const engines: FakeEngine[] = []
  const statuses: EngineStatus[] = []
  const snapshots: UiSnapshot[] = []
  const supervisor = createEngineSupervisor({
    spawn: () => {
      const engine = new FakeEngine()
      engines.push(engine)
      return engine
    },
    startMessage: START,
    onStatus: (s) => statuses.push(s),
    onSnapshot: (s) => snapshots.push(s),
    methodTimeoutMs: { 'ingest.refresh': 120_000 },
  })
  supervisor.start()
  const engine = (index: number): FakeEngine => {
    const found = engines[index]
    if (!found) throw new Error(`engine #${index} was never spawned`)
    return found
  }
  return { supervisor, engines, engine, statuses, snapshots }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('engine supervisor: start', () => {
  it('sends the start message first', () => {
    const { engine } = setup()
    expect(engine(0).sent).toEqual([START])
  })

  it('does not spawn a second engine when start is called twice', () => {
    const { supervisor, engines } = setup()
    supervisor.start()
    expect(engines).toHaveLength(1)
  })
})

describe('engine supervisor: requests', () => {
  it('resolves a request with the matching response', async () => {
    const { supervisor, engine } = setup()
    const outcome = supervisor.request('ingest.refresh', {})
    engine(0).reply({ type: 'response', id: engine(0).lastRequestId(), ok: true, result: { changedFiles: 2, newEvents: 41 } })
    await expect(outcome).resolves.toEqual({ ok: true, result: { changedFiles: 2, newEvents: 41 } })
  })

  it('forwards the request with method and params', () => {
    const { supervisor, engine } = setup()
    void supervisor.request('report.daily', { since: '2026-03-01' })
    expect(engine(0).sent[1]).toEqual({ type: 'request', id: 1, method: 'report.daily', params: { since: '2026-03-01' } })
  })

  it('passes an engine error through as data', async () => {
    const { supervisor, engine } = setup()
    const outcome = supervisor.request('snapshot.get', {})
    engine(0).reply({ type: 'response', id: 1, ok: false, error: { code: 'database-locked', message: 'locked' } })
    await expect(outcome).resolves.toEqual({ ok: false, error: { code: 'database-locked', message: 'locked' } })
  })

  it('fails a request in flight with engine-unavailable when the engine dies', async () => {
    const { supervisor, engine } = setup()
    const outcome = supervisor.request('sources.list', {})
    engine(0).crash(134)
    await expect(outcome).resolves.toEqual({
      ok: false,
      error: { code: 'engine-unavailable', message: 'The engine stopped (exited with code 134) before answering.' },
    })
  })

  it('times out a request after 15 s with a clear error', async () => {
    const { supervisor } = setup()
    const outcome = supervisor.request('sources.list', {})
    vi.advanceTimersByTime(15_000)
    await expect(outcome).resolves.toEqual({
      ok: false,
      error: { code: 'engine-unavailable', message: 'The engine did not answer sources.list within 15 s.' },
    })
  })

  it('gives a refresh its longer per-method timeout', async () => {
    const { supervisor, engine } = setup()
    const outcome = supervisor.request('ingest.refresh', {})
    vi.advanceTimersByTime(60_000)
    engine(0).reply({ type: 'response', id: 1, ok: true, result: { changedFiles: 1, newEvents: 3 } })
    await expect(outcome).resolves.toEqual({ ok: true, result: { changedFiles: 1, newEvents: 3 } })
  })

  it('ignores a response that arrives after its timeout', async () => {
    const { supervisor, engine } = setup()
    const first = supervisor.request('sources.list', {})
    vi.advanceTimersByTime(15_000)
    engine(0).reply({ type: 'response', id: 1, ok: true, result: [] })
    await expect(first).resolves.toMatchObject({ ok: false })
  })

  it('answers at once with engine-unavailable while restarting', async () => {
    const { supervisor, engine } = setup()
    engine(0).crash()
    await expect(supervisor.request('sources.list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'engine-unavailable', message: 'The engine is restarting (attempt 1, next try in 1 s).' },
    })
  })
})

describe('engine supervisor: messages', () => {
  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an unknown type', { type: 'gossip', id: 1 }],
    ['a response for an id never sent', { type: 'response', id: 999, ok: true, result: {} }],
    ['a snapshot of a future schema', { type: 'snapshot', snapshot: { schemaVersion: 2 } }],
  ])('ignores %s', (_label, message) => {
    const { engine, snapshots, statuses } = setup()
    engine(0).reply(message)
    expect({ snapshots, statuses }).toEqual({ snapshots: [], statuses: [] })
  })

  it('caches the latest snapshot and keeps it across a restart', () => {
    const { supervisor, engine, snapshots } = setup()
    const snapshot = makeSnapshot({ today: period(12.4) })
    engine(0).reply({ type: 'snapshot', snapshot })
    engine(0).crash()
    expect({ cached: supervisor.snapshot()?.today.costUsd, pushed: snapshots.length }).toEqual({ cached: 12.4, pushed: 1 })
  })

  it('ignores messages from a replaced process', () => {
    const { engine, snapshots } = setup()
    const old = engine(0)
    old.crash()
    vi.advanceTimersByTime(500)
    old.reply({ type: 'snapshot', snapshot: makeSnapshot() })
    expect(snapshots).toEqual([])
  })
})

describe('engine supervisor: restarts', () => {
  it('restarts after 0.5 s and re-sends start', () => {
    const { engines, engine, statuses } = setup()
    engine(0).crash()
    vi.advanceTimersByTime(499)
    const before = engines.length
    vi.advanceTimersByTime(1)
    expect({ before, after: engines.length, sent: engine(1).sent, statuses }).toEqual({
      before: 1,
      after: 2,
      sent: [START],
      statuses: [{ state: 'restarting', attempt: 1, retryInMs: 500 }, { state: 'running' }],
    })
  })

  it('doubles the delay on each rapid crash', () => {
    const { engine, statuses } = setup()
    for (const [index, delay] of [500, 1_000, 2_000, 4_000].entries()) {
      engine(index).crash()
      vi.advanceTimersByTime(delay)
    }
    expect(statuses.filter((s) => s.state === 'restarting')).toEqual([
      { state: 'restarting', attempt: 1, retryInMs: 500 },
      { state: 'restarting', attempt: 2, retryInMs: 1_000 },
      { state: 'restarting', attempt: 3, retryInMs: 2_000 },
      { state: 'restarting', attempt: 4, retryInMs: 4_000 },
    ])
  })

  it('starts again from 0.5 s after the engine stayed up for 60 s', () => {
    const { engine, statuses } = setup()
    engine(0).crash()
    vi.advanceTimersByTime(500)
    engine(1).crash()
    vi.advanceTimersByTime(1_000)
    vi.advanceTimersByTime(60_000)
    engine(2).crash()
    expect(statuses.at(-1)).toEqual({ state: 'restarting', attempt: 1, retryInMs: 500 })
  })

  it('reports down after 10 rapid crashes and stops restarting', () => {
    const { engines, engine, statuses } = setup()
    for (let index = 0; index < 10; index++) {
      engine(index).crash()
      vi.advanceTimersByTime(30_000)
    }
    expect({ spawned: engines.length, last: statuses.at(-1) }).toEqual({
      spawned: 10,
      last: {
        state: 'down',
        message: 'The engine stopped 10 times in a row (last: exited with code 1). Use Refresh in the tray menu to try again.',
      },
    })
  })

  it('restarts on retry after going down', () => {
    const { supervisor, engines, engine, statuses } = setup()
    for (let index = 0; index < 10; index++) {
      engine(index).crash()
      vi.advanceTimersByTime(30_000)
    }
    supervisor.retry()
    expect({ spawned: engines.length, last: statuses.at(-1) }).toEqual({ spawned: 11, last: { state: 'running' } })
  })

  it('does not restart after a fatal error and reports it', () => {
    const { engines, engine, statuses } = setup()
    engine(0).reply({ type: 'fatal', error: { code: 'database-too-new', message: 'The ledger was written by a newer TokenLedger.' } })
    engine(0).crash()
    vi.advanceTimersByTime(60_000)
    expect({ spawned: engines.length, last: statuses.at(-1) }).toEqual({
      spawned: 1,
      last: { state: 'down', message: 'The ledger was written by a newer TokenLedger.' },
    })
  })

  it('replaces an engine that reported a fatal error but kept running when the user retries', () => {
    const { supervisor, engines, engine, statuses } = setup()
    engine(0).reply({ type: 'fatal', error: { code: 'database-locked', message: 'The ledger is locked by another program.' } })
    supervisor.retry()
    expect({ killed: engine(0).killed, spawned: engines.length, sent: engine(1).sent, last: statuses.at(-1) }).toEqual({
      killed: true,
      spawned: 2,
      sent: [START],
      last: { state: 'running' },
    })
  })

  it('ignores retry while the engine is running', () => {
    const { supervisor, engines } = setup()
    supervisor.retry()
    expect(engines).toHaveLength(1)
  })

  it('treats a spawn that throws as a crash and retries', () => {
    let calls = 0
    const statuses: EngineStatus[] = []
    const supervisor = createEngineSupervisor({
      spawn: () => {
        calls++
        throw new Error('ENOENT entry-utility.js')
      },
      startMessage: START,
      onStatus: (s) => statuses.push(s),
    })
    supervisor.start()
    vi.advanceTimersByTime(500)
    expect({ calls, first: statuses[0] }).toEqual({ calls: 2, first: { state: 'restarting', attempt: 1, retryInMs: 500 } })
  })
})

describe('engine supervisor: stop', () => {
  it('sends shutdown and does not restart after the engine exits', async () => {
    const { supervisor, engines, engine } = setup()
    const stopped = supervisor.stop()
    engine(0).crash(0)
    await stopped
    vi.advanceTimersByTime(60_000)
    expect({ last: engine(0).sent.at(-1), spawned: engines.length }).toEqual({ last: { type: 'shutdown' }, spawned: 1 })
  })

  it('kills an engine that ignores shutdown after the grace period', async () => {
    const { supervisor, engine } = setup()
    const stopped = supervisor.stop()
    vi.advanceTimersByTime(2_000)
    await stopped
    expect(engine(0).killed).toBe(true)
  })
})
