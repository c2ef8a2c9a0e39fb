import path from 'node:path'
import type { DiscoveryContext, SourceRoot } from '../../common/adapter-contract.ts'

/**
 * Where Factory Droid keeps sessions: `~/.factory/sessions` (`%USERPROFILE%\.factory\sessions` on Windows),
 * walked recursively because current builds nest sessions in per-project folders while older ones sit flat.
 * Droid has no environment override of its own (`DROID_SESSIONS_DIR` is ccusage's, not the agent's). The
 * account is `~/.factory`. Pure: no file system access, so every OS is testable from any OS.
 */
export function droidRoots(ctx: DiscoveryContext): SourceRoot[] {
  const p = ctx.platform === 'win32' ? path.win32 : path.posix
  const account = p.join(ctx.home, '.factory')
  return [{ dir: p.join(account, 'sessions'), account }]
}
