import type { SourceFileRef } from '../../common/adapter-contract.ts'

/**
 * Recordings below `~/.gemini/tmp` (relative, `/`-separated):
 * - main sessions `<project id>/chats/session-<YYYY-MM-DDTHH-MM>-<8 hex>.jsonl`;
 * - sub-agents `<project id>/chats/<parentSessionId>/<sessionId>.jsonl`;
 * - legacy (before 2026-04-09) the same names with `.json`.
 * Anchoring the extension at the end leaves out the CLI's rewrite temporaries `<file>.tmp-<pid>` and the
 * copies it keeps of files it could not read, `<file>.unreadable-<ms>`: both repeat or garble a recording.
 * `logs.json` (prompts only) and tool outputs live outside `chats/` and never match.
 */
const RECORDING = /^[^/]+\/chats\/(?:session-[^/]+|[^/]+\/[^/]+)\.(jsonl|json)$/

export function isJsonlRecording(relPath: string): boolean {
  return RECORDING.exec(relPath)?.[1] === 'jsonl'
}

export function isLegacyRecording(relPath: string): boolean {
  return RECORDING.exec(relPath)?.[1] === 'json'
}

/**
 * The project label of a recording: its `tmp/<id>` directory name, a short slug of the project folder
 * (`projects.json` maps the absolute path to it) or, on older installs, sha256 of the project root. The
 * adapter sees only its own file, and a session's metadata names no project root (its `directories` are
 * the ones added with `/dir add`), so this name is what keeps a project's main and sub-agent sessions
 * together.
 */
export function projectLabel(file: SourceFileRef): string | null {
  const rel = relativeTo(file.root.dir, file.path)
  const first = rel?.split('/')[0] ?? ''
  return first === '' ? null : first
}

/** Stable stand-in session id for a recording without metadata: its name minus the extension. */
export function fileStem(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path
  return base.replace(/\.jsonl?$/i, '')
}

/** `path` relative to `dir`, `/`-separated, or null when it is not below it (either separator style). */
function relativeTo(dir: string, path: string): string | null {
  const d = dir.replace(/\\/g, '/').replace(/\/+$/, '')
  const p = path.replace(/\\/g, '/')
  return p.startsWith(`${d}/`) ? p.slice(d.length + 1) : null
}
