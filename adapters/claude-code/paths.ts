import path from 'node:path'
import type { DiscoveryContext, SourceRoot } from '../../common/adapter-contract.ts'

/**
 * Where Claude Code keeps transcripts. Claude Code itself reads `CLAUDE_CONFIG_DIR` (default `~/.claude`,
 * also on Windows as `%USERPROFILE%\.claude`); some installs use `$XDG_CONFIG_HOME/claude`. Like ccusage we
 * list both defaults, and a `CLAUDE_CONFIG_DIR` value REPLACES them: a comma-separated list whose entries
 * are a config dir or its `projects/` dir. Roots are listed even when absent so the UI can show where we
 * looked. Pure: no file system access, so every OS is testable from any OS.
 */
export function roots(ctx: DiscoveryContext): SourceRoot[] {
  const p = ctx.platform === 'win32' ? path.win32 : path.posix
  const configDirs = fromEnv(ctx, p) ?? defaults(ctx, p)
  const seen = new Set<string>()
  const out: SourceRoot[] = []
  for (const account of configDirs) {
    const dir = p.join(account, 'projects')
    // Windows paths are case-insensitive; compare them folded so `C:\A` and `c:\a` are one root.
    const key = ctx.platform === 'win32' ? dir.toLowerCase() : dir
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ dir, account })
  }
  return out
}

type PathApi = typeof path.posix

function defaults(ctx: DiscoveryContext, p: PathApi): string[] {
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdgEnv = nonEmpty(ctx.env['XDG_CONFIG_HOME'])
  const xdg = xdgEnv !== null && p.isAbsolute(xdgEnv) ? xdgEnv : p.join(ctx.home, '.config')
  return [p.join(ctx.home, '.claude'), p.join(xdg, 'claude')]
}

/** Config dirs named by CLAUDE_CONFIG_DIR, or null when it is unset or blank (then defaults apply). */
function fromEnv(ctx: DiscoveryContext, p: PathApi): string[] | null {
  const raw = nonEmpty(ctx.env['CLAUDE_CONFIG_DIR'])
  if (raw === null) return null
  const dirs = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => toConfigDir(expandTilde(entry, ctx.home, p), p))
  return dirs.length > 0 ? dirs : null
}

/**
 * An entry may name the `projects/` dir itself. Discovery does not touch the disk, so this is decided by
 * name: a config dir that is literally called `projects` would be misread, which we accept as very unlikely.
 */
function toConfigDir(entry: string, p: PathApi): string {
  const normalized = p.normalize(entry)
  if (p.parse(normalized).root === normalized) return normalized // `/` or `C:\`: nothing to trim
  const trimmed = normalized.replace(p === path.win32 ? /[\\/]+$/ : /\/+$/, '')
  return p.basename(trimmed) === 'projects' ? p.dirname(trimmed) : trimmed
}

/** Shells expand `~` only at the start of the whole value, not after a comma, so expand it here. */
function expandTilde(entry: string, home: string, p: PathApi): string {
  if (entry === '~') return home
  if (entry.startsWith('~/') || entry.startsWith('~\\')) return p.join(home, entry.slice(2))
  return entry
}

function nonEmpty(value: string | undefined): string | null {
  if (value === undefined) return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}
