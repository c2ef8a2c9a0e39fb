import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the ledger lives by default: the same place the desktop app keeps it (Electron's userData for
 * "TokenLedger"), so the CLI and the app share one lifetime history.
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TOKENLEDGER_DB) return env.TOKENLEDGER_DB
  const home = homedir()
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'TokenLedger', 'ledger.sqlite')
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'TokenLedger', 'ledger.sqlite')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'TokenLedger', 'ledger.sqlite')
}
