/**
 * Engine entry for Electron's utilityProcess. The ONLY file that touches `process.parentPort`.
 */
import { runEngineHost } from './host/engine-host.ts'

interface ParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (e: { data: unknown }) => void): void
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
if (parentPort === undefined) {
  console.error('engine/entry-utility.ts must run in an Electron utility process')
  process.exit(2)
}

runEngineHost({
  send: (message) => parentPort.postMessage(message),
  onMessage: (listener) => parentPort.on('message', (e) => listener(e.data)),
  exit: (code) => process.exit(code),
})
