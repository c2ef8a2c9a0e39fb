import type { SourceFileRef } from '../../common/adapter-contract.ts'

const SUFFIX = '.settings.json'

/**
 * `<uuid>.settings.json` at any depth under `sessions/`. The transcript `<uuid>.jsonl` has no token counts,
 * and `~/.factory/settings.json` (global config) and `~/.factory/.env` (credentials) are outside the root
 * and never match: a bare `settings.json` has no session stem.
 */
export function isDroidSourceFile(relPath: string): boolean {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1)
  return name.length > SUFFIX.length && name.endsWith(SUFFIX)
}

export interface SessionFacts {
  /** The file name stem: Droid names both session files after the session id. */
  readonly sessionId: string
  /** The per-project folder (the cwd with `/` → `-`, lossy, a label only); null for the flat legacy layout. */
  readonly project: string | null
}

export function sessionFacts(file: SourceFileRef): SessionFacts {
  const full = file.path.replaceAll('\\', '/')
  const root = file.root.dir.replaceAll('\\', '/').replace(/\/+$/, '')
  const rel = full.startsWith(`${root}/`) ? full.slice(root.length + 1) : full.slice(full.lastIndexOf('/') + 1)
  const segments = rel.split('/').filter((s) => s !== '')
  const name = segments.at(-1) ?? ''
  return {
    sessionId: name.endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : name,
    project: segments.length >= 2 ? (segments[0] ?? null) : null,
  }
}
