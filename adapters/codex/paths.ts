import path from 'node:path'
import type { DiscoveryContext, SourceRoot } from '../../common/adapter-contract.ts'

type PathApi = typeof path.posix

/**
 * Where Codex CLI keeps rollouts: `$CODEX_HOME` (default `~/.codex`, `%USERPROFILE%\.codex` on Windows).
 * Like ccusage we accept a comma-separated CODEX_HOME list, for users who run several Codex homes. Each
 * home gives two roots, live `sessions/` and `archived_sessions/` (Codex moves archived threads there, and
 * readers that skip it lose history). The account label is the codex home, so two homes stay apart.
 * Pure: no file system access, so every OS is testable from any OS.
 */
export function codexRoots(ctx: DiscoveryContext): SourceRoot[] {
  const p = ctx.platform === 'win32' ? path.win32 : path.posix
  const homes = fromEnv(ctx, p) ?? [p.join(ctx.home, '.codex')]
  const seen = new Set<string>()
  const out: SourceRoot[] = []
  for (const account of homes) {
    // Windows paths are case-insensitive; fold them so `C:\A` and `c:\a` are one home.
    const key = ctx.platform === 'win32' ? account.toLowerCase() : account
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ dir: p.join(account, 'sessions'), account }, { dir: p.join(account, 'archived_sessions'), account })
  }
  return out
}

/** Codex homes named by CODEX_HOME, or null when it is unset or blank (then the default applies). */
function fromEnv(ctx: DiscoveryContext, p: PathApi): string[] | null {
  const raw = ctx.env['CODEX_HOME']?.trim() ?? ''
  if (raw === '') return null
  const homes = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => stripTrailingSeparator(p.normalize(expandTilde(entry, ctx.home, p))))
  return homes.length > 0 ? homes : null
}

/** Shells expand `~` only at the start of the whole value, not after a comma, so expand it here. */
function expandTilde(entry: string, home: string, p: PathApi): string {
  if (entry === '~') return home
  if (entry.startsWith('~/') || entry.startsWith('~\\')) return p.join(home, entry.slice(2))
  return entry
}

function stripTrailingSeparator(dir: string): string {
  const trimmed = dir.replace(/[\\/]+$/, '')
  // Keep a bare root (`/`, `C:\`) intact.
  return trimmed === '' || /^[A-Za-z]:$/.test(trimmed) ? dir : trimmed
}
