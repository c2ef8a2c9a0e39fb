const ZST = '.zst'

interface Candidate {
  readonly path: string
  /** Directory of the file, `/`-separated. */
  readonly dir: string
  /** File name without a trailing `.zst`. */
  readonly name: string
  readonly compressed: boolean
  /** The codex home above `sessions/` or `archived_sessions/`, or null when neither is in the path. */
  readonly home: string | null
  readonly archived: boolean
}

/**
 * Chooses which rollout files to read when the same session exists more than once:
 * 1. `x.jsonl` beats `x.jsonl.zst` in the same directory (Codex compresses a finished rollout and may
 *    leave both for a while; the plain file is the one still being appended to).
 * 2. `sessions/…/rollout-X` beats `archived_sessions/…/rollout-X` of the same codex home (ccusage's rule).
 * The dropped copies would produce the same dedupe keys anyway; skipping them saves the read. Input
 * order is kept.
 */
export function selectCodexFiles(paths: readonly string[]): string[] {
  const candidates = paths.map(describe)
  const plain = new Set(candidates.filter((c) => !c.compressed).map((c) => `${c.dir}/${c.name}`))
  const live = new Set(candidates.filter((c) => c.home !== null && !c.archived).map((c) => `${c.home}/${c.name}`))
  return candidates
    .filter((c) => !(c.compressed && plain.has(`${c.dir}/${c.name}`)))
    .filter((c) => !(c.archived && live.has(`${c.home}/${c.name}`)))
    .map((c) => c.path)
}

function describe(path: string): Candidate {
  const parts = path.split(/[\\/]/)
  const file = parts.pop() ?? ''
  const compressed = file.endsWith(ZST)
  // The LAST `sessions` / `archived_sessions` segment is the root: below it are only date directories.
  const rootAt = parts.findLastIndex((p) => p === 'sessions' || p === 'archived_sessions')
  return {
    path,
    dir: parts.join('/'),
    name: compressed ? file.slice(0, -ZST.length) : file,
    compressed,
    home: rootAt === -1 ? null : parts.slice(0, rootAt).join('/'),
    archived: rootAt !== -1 && parts[rootAt] === 'archived_sessions',
  }
}
