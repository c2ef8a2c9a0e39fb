import type { MethodName, MethodParams, RpcOutcome } from './engine-methods.ts'
import type { ExportOutcome, ExportRequest } from './methods/export-methods.ts'
import type { UiSnapshot } from './snapshot.ts'

/**
 * The one API the renderer sees, as `window.tokenledger`. The preload builds it with `satisfies
 * TokenLedgerApi`; the browser test harness provides the same object backed by a real engine.
 */
export interface TokenLedgerApi {
  /** Calls an engine method. Never rejects: failures come back as `{ ok: false, error }`. */
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<RpcOutcome<M>>
  /** Subscribes to pushed snapshots; returns an unsubscribe function. */
  onSnapshot(listener: (snapshot: UiSnapshot) => void): () => void
  /** Subscribes to the shell's view of the engine: running, restarting after a crash, or down. */
  onEngineStatus(listener: (status: EngineStatus) => void): () => void
  /** Window actions handled by the shell (open preferences, quit…). */
  shell(action: ShellAction): void
  /**
   * Exports a report: the shell asks where to save (a native dialog), has the engine render it and writes
   * the file (PDF: printed from the HTML report). The renderer never names a path itself.
   */
  exportReport(request: ExportRequest): Promise<ExportOutcome>
  /** Asks the user for a file or folder with a native dialog; null when cancelled. */
  pickPath(kind: PathKind): Promise<string | null>
}

/** What a pick dialog asks for: a Cursor usage CSV export, or a folder (custom source / watched import folder). */
export type PathKind = 'cursor-csv' | 'folder'
export const PATH_KINDS: readonly PathKind[] = ['cursor-csv', 'folder']

export type EngineStatus =
  | { readonly state: 'running' }
  | { readonly state: 'restarting'; readonly attempt: number; readonly retryInMs: number }
  | { readonly state: 'down'; readonly message: string }

export type ShellAction = 'open-preferences' | 'quit' | 'hide-popover'

/** IPC channel names between preload and main. */
export const IPC_CHANNELS = {
  call: 'tokenledger:call',
  snapshot: 'tokenledger:snapshot',
  engineStatus: 'tokenledger:engine-status',
  shell: 'tokenledger:shell',
  exportReport: 'tokenledger:export-report',
  pickPath: 'tokenledger:pick-path',
} as const

export const SHELL_ACTIONS: readonly ShellAction[] = ['open-preferences', 'quit', 'hide-popover']
