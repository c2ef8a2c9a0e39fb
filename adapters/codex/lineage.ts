import { isRecord, nonEmptyString, type JsonRecord } from './json.ts'

/**
 * The thread whose history a rollout was started from: `forked_from_id` for forks, else the spawning
 * thread of a `thread_spawn` sub-agent (`source.subagent.thread_spawn.parent_thread_id`). Both kinds of
 * rollout open by replaying that thread's history, token_counts included.
 */
export function parentThreadId(meta: JsonRecord): string | null {
  const forked = nonEmptyString(meta['forked_from_id'])
  if (forked !== null) return forked
  const source = meta['source']
  const subagent = isRecord(source) ? source['subagent'] : null
  const spawn = isRecord(subagent) ? subagent['thread_spawn'] : null
  return isRecord(spawn) ? nonEmptyString(spawn['parent_thread_id']) : null
}

/** Most ancestors a rollout is expected to name; bounds the cursor against a file of endless metas. */
export const MAX_LINEAGE = 64

/**
 * The root of a thread's fork chain: follow parent pointers from `own` as far as the file tells us. A
 * fork's rollout copies its parent's whole rollout, so the copied session_meta lines name the parent's
 * own parent, and so on up to the root. A pointer whose target's meta is absent still names that thread,
 * so the chain ends there. Cycles (corrupt data) stop at the first repeat.
 */
export function rootThreadId(own: string, lineage: Readonly<Record<string, string>>): string {
  let id = own
  const seen = new Set<string>([own])
  for (;;) {
    const parent = Object.hasOwn(lineage, id) ? lineage[id] : undefined
    if (parent === undefined || seen.has(parent)) return id
    seen.add(parent)
    id = parent
  }
}
