import type { SourceFileRef } from '../../common/adapter-contract.ts'

/**
 * What a transcript's location says about it. Layouts under `projects/` (agent-formats.md §3.2):
 *   <project>/<sessionId>.jsonl                                   main transcript
 *   <project>/<sessionId>/subagents/agent-<id>.jsonl              subagent (current)
 *   <project>/<sessionId>/subagents/workflows/<run>/agent-<id>.jsonl  workflow subagent
 *   <project>/<sessionId>/subagents/workflows/<run>/journal.jsonl     workflow journal: NOT a transcript
 *   <project>/agent-<id>.jsonl                                    subagent (legacy flat layout)
 */
export interface PathFacts {
  /** Session id implied by the path: the directory above `subagents/`, else the file name's stem. */
  readonly sessionId: string | null
  /** The first directory under `projects/` (a lossy, dash-encoded cwd): a label only. */
  readonly projectDir: string | null
}

/** `relPath` is relative to a root's `projects/` dir, `/`-separated. */
export function isSourceFile(relPath: string): boolean {
  if (!relPath.endsWith('.jsonl')) return false
  const segments = relPath.split('/')
  const name = segments[segments.length - 1]
  // A workflow journal records spawn/result bookkeeping, not model requests (tokscale `is_workflow_journal`).
  return !(name === 'journal.jsonl' && segments.includes('subagents'))
}

export function pathFacts(file: SourceFileRef): PathFacts {
  const { segments, underRoot } = relativeSegments(file)
  const name = segments[segments.length - 1] ?? ''
  const sub = segments.lastIndexOf('subagents')
  const fromDir = sub >= 1 ? segments[sub - 1] : undefined
  const stem = name.endsWith('.jsonl') ? name.slice(0, -'.jsonl'.length) : name
  return {
    sessionId: fromDir ?? (stem === '' ? null : stem),
    projectDir: underRoot && segments.length >= 2 ? (segments[0] ?? null) : null,
  }
}

/** Path segments below the root; the whole path's segments when the file is not under its root. */
function relativeSegments(file: SourceFileRef): { segments: string[]; underRoot: boolean } {
  const full = toSlashes(file.path)
  const root = toSlashes(file.root.dir).replace(/\/+$/, '')
  const underRoot = full.startsWith(`${root}/`)
  const rel = underRoot ? full.slice(root.length + 1) : full
  return { segments: rel.split('/').filter((s) => s !== ''), underRoot }
}

function toSlashes(p: string): string {
  return p.replaceAll('\\', '/')
}
