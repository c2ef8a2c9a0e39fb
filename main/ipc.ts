import { ipcMain } from 'electron'
import { isMethodName, methodParamSchemas, type ErrorCode, type MethodName, type RpcOutcome } from '../common/engine-methods.ts'
import { fieldIssues } from '../common/field-issues.ts'
import { exportRequestSchema, type ExportOutcome, type ExportRequest } from '../common/methods/export-methods.ts'
import { IPC_CHANNELS, PATH_KINDS, SHELL_ACTIONS, type PathKind, type ShellAction } from '../common/renderer-api.ts'
import type { UiSnapshot } from '../common/snapshot.ts'

export interface IpcDeps {
  /** Forwards a validated call to the engine. */
  readonly request: (method: MethodName, params: unknown) => Promise<RpcOutcome<MethodName>>
  /** Served for `snapshot.get` without a round trip, and while the engine restarts. */
  readonly cachedSnapshot: () => UiSnapshot | null
  /** True for URLs of our own renderer pages. */
  readonly isAppUrl: (url: string) => boolean
  readonly shell: Record<ShellAction, () => void>
  /** Save dialog + engine render + file write (main/export-report.ts). */
  readonly exportReport: (request: ExportRequest) => Promise<ExportOutcome>
  /** Native open dialog. */
  readonly pickPath: (kind: PathKind) => Promise<string | null>
}

/** What an IPC event tells us about its sender; `senderFrame` is null once the frame navigated away. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null
}

const fail = (code: ErrorCode, message: string): RpcOutcome<MethodName> => ({ ok: false, error: { code, message } })

/** Registers the renderer-facing handlers; returns a function that removes them. */
export function registerIpc(deps: IpcDeps): () => void {
  ipcMain.handle(IPC_CHANNELS.call, (event, method: unknown, params: unknown) => handleCall(deps, event, method, params))
  const onShell = (event: SenderEvent, action: unknown): void => {
    handleShell(deps, event, action)
  }
  ipcMain.on(IPC_CHANNELS.shell, onShell)
  ipcMain.handle(IPC_CHANNELS.exportReport, (event, request: unknown) => handleExport(deps, event, request))
  ipcMain.handle(IPC_CHANNELS.pickPath, (event, kind: unknown) => handlePick(deps, event, kind))
  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.call)
    ipcMain.removeHandler(IPC_CHANNELS.exportReport)
    ipcMain.removeHandler(IPC_CHANNELS.pickPath)
    ipcMain.removeListener(IPC_CHANNELS.shell, onShell)
  }
}

/**
 * Validates and forwards one renderer call. Never throws: an exception crossing `invoke` would reach
 * the renderer as an opaque "Error invoking remote method", so every failure is returned as data.
 */
export async function handleCall(deps: IpcDeps, event: SenderEvent, method: unknown, params: unknown): Promise<RpcOutcome<MethodName>> {
  try {
    if (!isTrusted(deps, event)) return fail('invalid-params', 'Calls are accepted only from TokenLedger windows.')
    if (!isMethodName(method)) return fail('unknown-method', `Unknown method: ${describe(method)}.`)
    const parsed = methodParamSchemas[method].safeParse(params)
    if (!parsed.success) {
      const fields = fieldIssues(parsed.error)
      return { ok: false, error: { code: 'invalid-params', message: `${method}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, fields } }
    }
    const cached = method === 'snapshot.get' ? deps.cachedSnapshot() : null
    if (cached) return { ok: true, result: cached }
    return await deps.request(method, parsed.data)
  } catch (error) {
    return fail('internal', error instanceof Error ? error.message : String(error))
  }
}

/** Validates an export request from one of our windows and runs it; never throws. */
export async function handleExport(deps: IpcDeps, event: SenderEvent, request: unknown): Promise<ExportOutcome> {
  if (!isTrusted(deps, event)) return { ok: false, canceled: false, message: 'Exports are accepted only from TokenLedger windows.' }
  const parsed = exportRequestSchema.safeParse(request)
  if (!parsed.success) return { ok: false, canceled: false, message: `Invalid export request: ${fieldIssues(parsed.error).map((f) => `${f.field}: ${f.message}`).join('; ')}` }
  try {
    return await deps.exportReport(parsed.data)
  } catch (error) {
    return { ok: false, canceled: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/** Opens a pick dialog for one of our windows; anything else (or a failure) answers null. */
export async function handlePick(deps: IpcDeps, event: SenderEvent, kind: unknown): Promise<string | null> {
  if (!isTrusted(deps, event) || !PATH_KINDS.some((k) => k === kind)) return null
  try {
    return await deps.pickPath(kind as PathKind)
  } catch {
    return null
  }
}

/** Runs a shell action from one of our windows; anything else is dropped. Returns whether it ran. */
export function handleShell(deps: IpcDeps, event: SenderEvent, action: unknown): boolean {
  if (!isTrusted(deps, event) || !isShellAction(action)) return false
  deps.shell[action]()
  return true
}

/** A window (or anything else) that can receive pushes. */
export interface PushTarget {
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
}

/** Pushes one message to every live target; a window closing mid-push is skipped, not an error. */
export function pushToAll(targets: Iterable<PushTarget>, channel: string, payload: unknown): void {
  for (const target of targets) {
    if (!target.isDestroyed()) target.send(channel, payload)
  }
}

function isTrusted(deps: IpcDeps, event: SenderEvent): boolean {
  const url = event.senderFrame?.url
  return typeof url === 'string' && deps.isAppUrl(url)
}

function isShellAction(value: unknown): value is ShellAction {
  return typeof value === 'string' && SHELL_ACTIONS.some((action) => action === value)
}

/** Quotes what the renderer sent without echoing anything large back. */
function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : `a value of type ${typeof value}`
}
