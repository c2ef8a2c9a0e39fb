import { join } from 'node:path'
import { utilityProcess } from 'electron'
import type { ToEngine } from '../common/engine-protocol.ts'

/**
 * The seam between the supervisor and a real process: what the supervisor needs from an engine, and
 * nothing else, so its restart/timeout logic is unit-tested with a fake object instead of Electron.
 */
export interface EngineProcessLike {
  postMessage(message: ToEngine): void
  on(event: 'message', listener: (message: unknown) => void): void
  on(event: 'exit', listener: (code: number | null) => void): void
  kill(): void
}

export type StartMessage = Extract<ToEngine, { type: 'start' }>

/** Name shown in the OS task manager and matched in `child-process-gone` events. */
export const ENGINE_SERVICE_NAME = 'tokenledger-engine'

/** Forks the engine as an Electron utility process (a Node process Electron manages, no Node in renderers). */
export function forkUtilityEngine(enginePath: string): EngineProcessLike {
  const child = utilityProcess.fork(enginePath, [], { serviceName: ENGINE_SERVICE_NAME, stdio: 'inherit' })
  const on = (
    event: 'message' | 'exit',
    listener: ((message: unknown) => void) | ((code: number | null) => void),
  ): void => {
    // Electron types the message as `any`, which both listener shapes accept.
    if (event === 'exit') child.on('exit', (code: number) => listener(code))
    else child.on('message', (message) => listener(message))
  }
  return {
    postMessage: (message) => child.postMessage(message),
    on,
    kill: () => {
      child.kill()
    },
  }
}

export interface StartInputs {
  readonly home: string
  readonly userData: string
  readonly timezone: string
}

/** The engine's settings for the app: the user's real home, a ledger in the app's data folder, live watching. */
export function appStartMessage(inputs: StartInputs): StartMessage {
  return {
    type: 'start',
    home: inputs.home,
    dbPath: join(inputs.userData, 'ledger.sqlite'),
    timezone: inputs.timezone,
    watch: true,
    // For other status bars and scripts (the app itself gets snapshots over IPC); the user can move or
    // turn it off in Preferences → Display.
    snapshotPath: join(inputs.userData, 'ui-snapshot.json'),
  }
}
