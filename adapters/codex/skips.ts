import type { SkipCounts } from '../../common/adapter-contract.ts'

/** Why a Codex line produced no usage event. Stable slugs: they are stored and shown per source. */
export type CodexSkipReason =
  | 'malformed-json'
  | 'unknown-shape'
  | 'bad-session-meta'
  | 'bad-timestamp'
  | 'bad-usage'
  | 'bad-rate-limits'
  | 'no-info'
  | 'reemitted'
  | 'zero-tokens'

export function bump(skips: SkipCounts, reason: CodexSkipReason, by = 1): void {
  if (by > 0) skips[reason] = (skips[reason] ?? 0) + by
}
