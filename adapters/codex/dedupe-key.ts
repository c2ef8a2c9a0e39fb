import type { UsageTuple } from './usage.ts'

/**
 * The ledger identity of one Codex request: `codex:<root thread>:<total_token_usage>:<last_token_usage>`.
 *
 * Why these parts:
 * - A fork or sub-agent rollout begins by replaying its parent's rollout, token_count lines included, with
 *   the timestamps re-stamped to the fork instant. Those copies are the parent's usage, already stored from
 *   the parent's file. Their `total_token_usage` / `last_token_usage` are copied verbatim, so a key built
 *   from the usage (never the timestamp) and scoped to the ROOT thread of the fork chain gives each copy
 *   the key of its original. Scoping to the root, not the direct parent, is what makes a fork of a fork
 *   work: grandchild C replays B's rollout, which itself replays root A's history; C's file carries the
 *   copied session_metas of B (forked from A) and A, so C, B and A all resolve to root A and every copy of
 *   A's and B's requests lands on one key.
 * - Within one root, `total_token_usage` is the running sum of the thread's requests, so it identifies a
 *   request; `last_token_usage` is added so that two requests only collide if both the running sum AND the
 *   request itself are identical in all five counts (e.g. sibling forks whose next requests are
 *   byte-for-byte equal), which real logs do not produce. Re-emitted token_counts (same total and last)
 *   share a key, so even a re-emit the parser did not catch is stored once.
 * - No file path: a rollout moved from `sessions/` to `archived_sessions/`, or its `.jsonl.zst` twin,
 *   must produce the same keys so the ledger keeps one copy.
 */
export function codexDedupeKey(rootThread: string, total: UsageTuple, last: UsageTuple): string {
  return `codex:${rootThread}:${total.join(',')}:${last.join(',')}`
}
