import path from 'node:path'
import type { DiscoveryContext, SourceRoot } from '../../common/adapter-contract.ts'

type PathApi = typeof path.posix

const pathApi = (ctx: DiscoveryContext): PathApi => (ctx.platform === 'win32' ? path.win32 : path.posix)

/**
 * Cursor keeps no local record of billed tokens (agent-formats.md §8): its usage comes from the dashboard's
 * CSV export, which TokenLedger keeps in its own watched folder `<home>/.tokenledger/imports/cursor`
 * (`%USERPROFILE%\.tokenledger\imports\cursor` on Windows). `tokenledger import cursor FILE` and the
 * preferences' file picker copy an export there; a user may also drop exports in by hand. Imports are then
 * read by the ordinary ingest path, survive a rebuild, and overlapping exports merge by row key. The folder
 * is the account: every row in it is account-wide (all machines), as of its export's date.
 */
export function cursorImportRoot(ctx: DiscoveryContext): SourceRoot {
  const dir = pathApi(ctx).join(ctx.home, '.tokenledger', 'imports', 'cursor')
  return { dir, account: dir }
}

export function cursorRoots(ctx: DiscoveryContext): SourceRoot[] {
  return [cursorImportRoot(ctx)]
}

/**
 * Any `*.csv` under the folder. Names starting with a dot are skipped: the importer writes `.name.tmp`
 * first and renames, and browsers' partial downloads (`.crdownload`, `.part`) never end in `.csv`.
 */
export function isCursorSourceFile(relPath: string): boolean {
  const segments = relPath.split('/')
  return segments.every((s) => s !== '' && !s.startsWith('.')) && relPath.toLowerCase().endsWith('.csv')
}

/**
 * Cursor's global `state.vscdb` (agent-formats.md §8.3): ACTIVITY only (conversations, turns, selected
 * model), never billed usage. Electron's appData: `~/Library/Application Support` on macOS, `%APPDATA%`
 * (else `<home>\AppData\Roaming`) on Windows, `$XDG_CONFIG_HOME` (when absolute, else `~/.config`) on Linux.
 */
export function cursorStatePaths(ctx: DiscoveryContext): string[] {
  const p = pathApi(ctx)
  return [p.join(appData(ctx, p), 'Cursor', 'User', 'globalStorage', 'state.vscdb')]
}

function appData(ctx: DiscoveryContext, p: PathApi): string {
  if (ctx.platform === 'darwin') return p.join(ctx.home, 'Library', 'Application Support')
  if (ctx.platform === 'win32') {
    const env = ctx.env['APPDATA']?.trim()
    return env !== undefined && env !== '' && p.isAbsolute(env) ? env : p.join(ctx.home, 'AppData', 'Roaming')
  }
  const xdg = ctx.env['XDG_CONFIG_HOME']?.trim()
  return xdg !== undefined && xdg !== '' && p.isAbsolute(xdg) ? xdg : p.join(ctx.home, '.config')
}
