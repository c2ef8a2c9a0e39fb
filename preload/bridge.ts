import type { IpcRenderer, IpcRendererEvent } from 'electron'
import type { MethodName, MethodParams, RpcOutcome } from '../common/engine-methods.ts'
import { IPC_CHANNELS, type TokenLedgerApi } from '../common/renderer-api.ts'

/** The parts of ipcRenderer the bridge uses (a seam for tests). */
export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener' | 'send'>

/**
 * Builds `window.tokenledger` on top of ipcRenderer. Only plain data crosses: listeners get the payload,
 * never the IPC event (which would hand the page a path back to ipcRenderer).
 */
export function createBridge(ipc: IpcRendererLike): TokenLedgerApi {
  function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, payload: T): void => listener(payload)
    ipc.on(channel, wrapped)
    return () => {
      ipc.removeListener(channel, wrapped)
    }
  }

  return {
    async call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<RpcOutcome<M>> {
      try {
        return await ipc.invoke(IPC_CHANNELS.call, method, params)
      } catch (error) {
        // Main never throws across IPC; this is main itself being unreachable (e.g. during quit).
        return { ok: false, error: { code: 'engine-unavailable', message: error instanceof Error ? error.message : String(error) } }
      }
    },
    onSnapshot: (listener) => subscribe(IPC_CHANNELS.snapshot, listener),
    onEngineStatus: (listener) => subscribe(IPC_CHANNELS.engineStatus, listener),
    shell: (action) => ipc.send(IPC_CHANNELS.shell, action),
    async exportReport(request) {
      try {
        return await ipc.invoke(IPC_CHANNELS.exportReport, request)
      } catch (error) {
        return { ok: false, canceled: false, message: error instanceof Error ? error.message : String(error) }
      }
    },
    async pickPath(kind) {
      try {
        const path: unknown = await ipc.invoke(IPC_CHANNELS.pickPath, kind)
        return typeof path === 'string' ? path : null
      } catch {
        return null
      }
    },
  } satisfies TokenLedgerApi
}
