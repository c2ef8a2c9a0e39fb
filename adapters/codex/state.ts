import type { SourceFileRef } from '../../common/adapter-contract.ts'
import type { UsageTuple } from './usage.ts'

/**
 * The per-file resume cursor (plain JSON, stored by the engine with the file's checkpoint). Everything a
 * later line needs from earlier lines: the header facts, the current model, and the previous total that
 * the re-emit rule compares against.
 */
export interface CodexState {
  /** The rollout's own thread id: the file name's trailing id, else the first session_meta's `id`. */
  sessionId: string | null
  /** Whether the rollout's own session_meta has been read (later metas are copied ancestors'). */
  ownMetaSeen: boolean
  /** The own session_meta's `forked_from_id` (or sub-agent parent), null for a root thread. */
  forkedFromId: string | null
  /** Thread id → parent thread id, from every session_meta in the file (own and copied ancestors). */
  lineage: Record<string, string>
  /** Latest model named by a turn_context (or another payload's model field). */
  model: string | null
  /** Working directory from session_meta, updated by each turn_context. */
  project: string | null
  /** `total_token_usage` of the previous token_count that had usage, for the re-emit rule. */
  prevTotal: UsageTuple | null
}

const THREAD_ID_TAIL = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl(?:\.zst)?$/i

/**
 * The thread id at the end of a rollout file name (`rollout-2026-11-20T09-15-02-<uuid>.jsonl[.zst]`),
 * lower-cased as Codex writes it in session_meta; null for any other name.
 */
export function threadIdFromPath(filePath: string): string | null {
  return THREAD_ID_TAIL.exec(filePath)?.[1]?.toLowerCase() ?? null
}

/** Stable stand-in identity for a rollout without any thread id: its name minus the extensions. */
export function fileStem(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath
  return base.replace(/\.jsonl(?:\.zst)?$/i, '')
}

export function initialCodexState(file: SourceFileRef): CodexState {
  return {
    sessionId: threadIdFromPath(file.path),
    ownMetaSeen: false,
    forkedFromId: null,
    lineage: {},
    model: null,
    project: null,
    prevTotal: null,
  }
}
