import { app } from 'electron'
import { startShell, type ShellHandle } from './shell.ts'

/**
 * App entry: process-level concerns only (one instance, no Dock icon, quit sequence); the tray,
 * windows, IPC and engine are wired in shell.ts.
 */
// A second copy would add a second tray icon and a second writer on the same ledger: hand over and exit.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let shell: ShellHandle | null = null

  app.on('second-instance', () => shell?.showPopover())
  // A tray app keeps running with no window open (closing Preferences must not quit).
  app.on('window-all-closed', () => {})
  // Give the engine a bounded moment to finish its write and close the database, then quit for real.
  app.on('before-quit', (event) => {
    if (!shell) return
    event.preventDefault()
    const stopping = shell
    shell = null
    void stopping
      .stop()
      .catch((error: unknown) => console.error('tokenledger: engine shutdown failed', error))
      .finally(() => app.quit())
  })

  app
    .whenReady()
    .then(() => {
      app.dock?.hide()
      shell = startShell()
    })
    .catch((error: unknown) => {
      console.error('tokenledger: failed to start', error)
      app.exit(1)
    })
}
