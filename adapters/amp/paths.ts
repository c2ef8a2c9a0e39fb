import path from 'node:path'
import type { DiscoveryContext, SourceRoot } from '../../common/adapter-contract.ts'

/**
 * Where Amp keeps threads: `$XDG_DATA_HOME/amp/threads`, else `~/.local/share/amp/threads` (agent-formats.md
 * §9). Amp uses this XDG layout on macOS too; Windows is undocumented, so the same rule under the profile
 * is listed (`%USERPROFILE%\.local\share\amp\threads`), which is what XDG-style Node tools compute there.
 * A relative XDG_DATA_HOME is invalid per the XDG spec and ignored. `AMP_DATA_DIR` is ccusage's variable,
 * not Amp's. The account is the `amp` data dir. Pure: every OS is testable from any OS.
 */
export function ampRoots(ctx: DiscoveryContext): SourceRoot[] {
  const p = ctx.platform === 'win32' ? path.win32 : path.posix
  const xdg = ctx.env['XDG_DATA_HOME']?.trim() ?? ''
  const dataHome = xdg !== '' && p.isAbsolute(xdg) ? xdg : p.join(ctx.home, '.local', 'share')
  const account = p.join(dataHome, 'amp')
  return [{ dir: p.join(account, 'threads'), account }]
}

/** `T-<uuid>.json` directly in `threads/` (Amp writes no sub-folders there; temp files have other names). */
export function isAmpSourceFile(relPath: string): boolean {
  return /^T-[^/]+\.json$/.test(relPath)
}
