import { homedir } from 'node:os'
import type { FromEngine, ToEngine } from '../../common/engine-protocol.ts'
import { isToEngine } from '../../common/engine-protocol.ts'
import { discoveryContext } from '../core/discovery-context.ts'
import { Engine } from '../core/engine.ts'
import { LiveEngine } from '../core/live-engine.ts'
import { LedgerError } from '../store/ledger-error.ts'
import { AlertMonitor } from '../budgets/alert-monitor.ts'
import { dispatch } from './dispatch.ts'

/** How the host talks to its shell: `process.parentPort` (Electron) or `process.send` (child process). */
export interface HostTransport {
  send(message: FromEngine): void
  onMessage(listener: (message: unknown) => void): void
  exit(code: number): void
}

/**
 * Runs the engine as a service for a shell. The shell sends `start` once, then requests; the engine
 * answers every request and pushes snapshots when the ledger changes.
 */
export function runEngineHost(transport: HostTransport): void {
  let engine: Engine | null = null
  let live: LiveEngine | null = null
  const queue: ToEngine[] = []
  let starting = false

  const handle = (msg: ToEngine): void => {
    switch (msg.type) {
      case 'start':
        if (engine !== null || starting) return
        starting = true
        void start(msg).finally(() => {
          starting = false
          for (const m of queue.splice(0)) handle(m)
        })
        return
      case 'request': {
        if (engine === null) {
          if (starting) queue.push(msg)
          else transport.send({ type: 'response', id: msg.id, ok: false, error: { code: 'engine-unavailable', message: 'the engine has not been started' } })
          return
        }
        void dispatch(engine, live, msg.method, msg.params).then((outcome) =>
          transport.send(outcome.ok ? { type: 'response', id: msg.id, ok: true, result: outcome.result } : { type: 'response', id: msg.id, ok: false, error: outcome.error }),
        )
        return
      }
      case 'shutdown':
        void (async () => {
          await live?.stop()
          engine?.close()
          transport.exit(0)
        })()
        return
      default:
        return msg satisfies never
    }
  }

  const start = async (msg: Extract<ToEngine, { type: 'start' }>): Promise<void> => {
    try {
      // The shell always sends a home; only a home other than the real one is an override (tests, --home).
      const override = msg.home !== homedir() ? msg.home : undefined
      engine = new Engine({ dbPath: msg.dbPath, discovery: discoveryContext({ home: override }), timezone: msg.timezone, defaultSnapshotPath: msg.snapshotPath })
      const e = engine
      for (const warning of e.settingsWarnings) transport.send({ type: 'log', level: 'warn', message: warning })
      const alerts = new AlertMonitor(e.db)
      live = new LiveEngine(e, {
        onSnapshot: (snapshot) => {
          transport.send({ type: 'snapshot', snapshot })
          for (const notification of alerts.check(snapshot, e.settings, e.now())) transport.send({ type: 'notify', notification })
        },
        onError: (message) => transport.send({ type: 'log', level: 'warn', message }),
      })
      transport.send({ type: 'ready' })
      transport.send({ type: 'snapshot', snapshot: e.snapshot('backfilling') })
      const summary = e.ingest()
      for (const err of summary.errors) transport.send({ type: 'log', level: 'warn', message: `${err.path}: ${err.error}` })
      live.publish()
      if (msg.watch) await live.start()
    } catch (err) {
      const error = err instanceof LedgerError ? { code: err.code, message: err.message } : { code: 'internal' as const, message: err instanceof Error ? err.message : String(err) }
      transport.send({ type: 'fatal', error })
      engine?.close()
      engine = null
    }
  }

  transport.onMessage((message) => {
    if (isToEngine(message)) handle(message)
    else transport.send({ type: 'log', level: 'warn', message: `ignored a malformed message: ${JSON.stringify(message)?.slice(0, 200)}` })
  })
}
