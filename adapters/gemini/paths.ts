import path from 'node:path'
import type { DiscoveryContext, SourceRoot } from '../../common/adapter-contract.ts'

type PathApi = typeof path.posix

/**
 * Where Gemini CLI keeps its recordings: `<home>/.gemini/tmp`, where `<home>` is `GEMINI_CLI_HOME` when
 * set, else the user's home (`%USERPROFILE%` on Windows) — the CLI's own `homedir()` in
 * `packages/core/src/utils/paths.ts`. `GEMINI_CLI_HOME` names the directory that CONTAINS `.gemini`
 * (tokscale looks for `$GEMINI_CLI_HOME/tmp` and finds nothing). The account label is the `.gemini`
 * directory, so two profiles stay apart. Pure: no file system access, so every OS is testable anywhere.
 */
export function geminiRoots(ctx: DiscoveryContext): SourceRoot[] {
  const p = ctx.platform === 'win32' ? path.win32 : path.posix
  const account = p.join(cliHome(ctx, p), '.gemini')
  return [{ dir: p.join(account, 'tmp'), account }]
}

/**
 * The CLI tests `if (envHome)`, so an empty value means "unset"; a blank one is treated the same (a
 * home named by spaces is a mistake). A leading `~` is expanded because the app is not started by a shell.
 */
function cliHome(ctx: DiscoveryContext, p: PathApi): string {
  const raw = ctx.env['GEMINI_CLI_HOME']?.trim() ?? ''
  if (raw === '') return ctx.home
  if (raw === '~') return ctx.home
  if (raw.startsWith('~/') || raw.startsWith('~\\')) return p.join(ctx.home, raw.slice(2))
  return p.normalize(raw)
}
