import { homedir } from 'node:os'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'

/**
 * The discovery context for this machine. `home` may be overridden (`--home DIR`, TOKENLEDGER_HOME) so
 * tests and users can point TokenLedger at any tree; when it is, the agents' own path variables from the
 * real environment are ignored too, so a fixture home is read exactly as it is.
 */
export function discoveryContext(options: { home?: string | undefined; env?: NodeJS.ProcessEnv } = {}): DiscoveryContext {
  const env = options.env ?? process.env
  const override = options.home ?? env.TOKENLEDGER_HOME
  const platform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux'
  if (override !== undefined && override !== '') return { home: override, env: {}, platform }
  return { home: homedir(), env, platform }
}
