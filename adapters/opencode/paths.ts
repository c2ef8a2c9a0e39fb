import path from 'node:path'
import type { DiscoveryContext, SourceRoot } from '../../common/adapter-contract.ts'

type PathApi = typeof path.posix

/**
 * OpenCode's data dir: `$XDG_DATA_HOME/opencode`, else `~/.local/share/opencode` on EVERY OS, Windows
 * (`%USERPROFILE%\.local\share\opencode`) and macOS included: OpenCode uses the `xdg-basedir` package,
 * which does not branch on platform. A relative XDG_DATA_HOME is invalid per the XDG spec and ignored.
 */
export function opencodeDataDir(ctx: DiscoveryContext): string {
  const p = pathApi(ctx)
  const xdg = nonEmpty(ctx.env['XDG_DATA_HOME'])
  const base = xdg !== null && p.isAbsolute(xdg) ? xdg : p.join(ctx.home, '.local', 'share')
  return p.join(base, 'opencode')
}

/**
 * Directories holding OpenCode databases: the data dir (`opencode.db`, `opencode-<channel>.db`), plus the
 * directory of `OPENCODE_DB` when that names a file elsewhere (absolute, or relative to the data dir, as
 * OpenCode resolves it; `:memory:` has no file). Every root is labelled with the data dir, one account.
 */
export function opencodeDbRoots(ctx: DiscoveryContext): SourceRoot[] {
  const p = pathApi(ctx)
  const data = opencodeDataDir(ctx)
  // Databases sit at the top of the data dir; below it are git snapshots and thousands of legacy files.
  const roots: SourceRoot[] = [{ dir: data, account: data, depth: 0 }]
  const override = nonEmpty(ctx.env['OPENCODE_DB'])
  if (override !== null && override !== ':memory:') {
    const dir = p.dirname(p.isAbsolute(override) ? p.normalize(override) : p.join(data, override))
    const same = ctx.platform === 'win32' ? dir.toLowerCase() === data.toLowerCase() : dir === data
    if (!same) roots.push({ dir, account: data, depth: 0 })
  }
  return roots
}

/** The legacy JSON store's message files, `storage/message/<sessionID>/<messageID>.json`. */
export function opencodeLegacyRoots(ctx: DiscoveryContext): SourceRoot[] {
  const data = opencodeDataDir(ctx)
  return [{ dir: pathApi(ctx).join(data, 'storage', 'message'), account: data }]
}

function pathApi(ctx: DiscoveryContext): PathApi {
  return ctx.platform === 'win32' ? path.win32 : path.posix
}

function nonEmpty(value: string | undefined): string | null {
  if (value === undefined) return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}
