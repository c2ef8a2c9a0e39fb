/**
 * Engine entry for a plain Node child process (`child_process.fork`): the browser test harness and any
 * shell that is not Electron. Messages travel over the fork's IPC channel.
 */
import { runEngineHost } from './host/engine-host.ts'

if (typeof process.send !== 'function') {
  console.error('engine/entry-node.ts must be started with child_process.fork (it needs an IPC channel)')
  process.exit(2)
}

runEngineHost({
  send: (message) => process.send?.(message),
  onMessage: (listener) => process.on('message', listener),
  exit: (code) => process.exit(code),
})
process.on('disconnect', () => process.exit(0))
