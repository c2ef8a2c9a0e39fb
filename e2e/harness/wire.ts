import type { MethodName, RpcOutcome } from '../../common/engine-methods.ts'
import type { ExportOutcome, ExportRequest } from '../../common/methods/export-methods.ts'
import type { EngineStatus, PathKind, ShellAction } from '../../common/renderer-api.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'

/**
 * Messages on the WebSocket between the page's stand-in preload (page-api.ts) and the harness, which
 * plays the part of Electron main: it relays calls to the real engine and pushes its snapshots.
 */
export type PageToHarness =
  | { readonly type: 'request'; readonly id: number; readonly method: string; readonly params: unknown }
  | { readonly type: 'shell'; readonly action: ShellAction }
  | { readonly type: 'export-report'; readonly id: number; readonly request: ExportRequest }
  | { readonly type: 'pick-path'; readonly id: number; readonly kind: PathKind }

export type HarnessToPage =
  | { readonly type: 'response'; readonly id: number; readonly outcome: RpcOutcome<MethodName> }
  | { readonly type: 'snapshot'; readonly snapshot: UiSnapshot }
  | { readonly type: 'engine-status'; readonly status: EngineStatus }
  | { readonly type: 'export-result'; readonly id: number; readonly outcome: ExportOutcome }
  | { readonly type: 'pick-result'; readonly id: number; readonly path: string | null }
