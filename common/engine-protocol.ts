import type { MethodName, MethodResults, WireError } from './engine-methods.ts'
import type { UiSnapshot } from './snapshot.ts'

/**
 * Messages between the shell (Electron main, the browser test harness) and the engine process.
 * The same union travels over `process.parentPort` (utilityProcess) and over `child_process.fork` IPC.
 */

/** Shell → engine. */
export type ToEngine =
  | {
      readonly type: 'start'
      /** Directory treated as the user's home for discovery. */
      readonly home: string
      /** Ledger database path. */
      readonly dbPath: string
      readonly timezone: string
      /** Watch sources for changes (the app) or ingest once (tests that drive refreshes themselves). */
      readonly watch: boolean
      /** Write the snapshot here atomically on every change, when set. */
      readonly snapshotPath: string | null
    }
  | { readonly type: 'request'; readonly id: number; readonly method: string; readonly params: unknown }
  | { readonly type: 'shutdown' }

/** Engine → shell. */
export type FromEngine =
  | { readonly type: 'ready' }
  | { readonly type: 'snapshot'; readonly snapshot: UiSnapshot }
  | { readonly type: 'response'; readonly id: number; readonly ok: true; readonly result: MethodResults[MethodName] }
  | { readonly type: 'response'; readonly id: number; readonly ok: false; readonly error: WireError }
  | { readonly type: 'fatal'; readonly error: WireError }
  | { readonly type: 'log'; readonly level: 'info' | 'warn' | 'error'; readonly message: string }
  /** An alert to show as an OS notification. The engine already recorded it as fired (once per period). */
  | { readonly type: 'notify'; readonly notification: AlertNotification }

export interface AlertNotification {
  /** Stable key of what fired, e.g. `budget:<id>:2026-11:80` (dedupe is by this key, across restarts). */
  readonly key: string
  readonly title: string
  readonly body: string
}

export function isFromEngine(value: unknown): value is FromEngine {
  if (typeof value !== 'object' || value === null) return false
  const t = (value as { type?: unknown }).type
  return t === 'ready' || t === 'snapshot' || t === 'response' || t === 'fatal' || t === 'log' || t === 'notify'
}

export function isToEngine(value: unknown): value is ToEngine {
  if (typeof value !== 'object' || value === null) return false
  const t = (value as { type?: unknown }).type
  return t === 'start' || t === 'request' || t === 'shutdown'
}
