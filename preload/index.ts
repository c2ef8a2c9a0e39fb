import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge.ts'

// Sandboxed preload (built as CommonJS): the renderer gets exactly this object and nothing else.
contextBridge.exposeInMainWorld('tokenledger', createBridge(ipcRenderer))
