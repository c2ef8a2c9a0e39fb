import type { SkipCounts } from '../../common/adapter-contract.ts'

/**
 * Why a Gemini record produced no new usage event. Stable slugs: they are stored and shown per source.
 * - `no-tokens`: a message copy written before its usage arrived (`tokens: null`); a later copy has it.
 * - `repeated`: a later copy of a message already read in the same pass (tool-call rewrites, `$set`
 *   checkpoints, a resumed legacy session's copy); stored once.
 * - `tokens-changed`: a later copy of a message with DIFFERENT counts (see batch.ts); merged, not added.
 */
export type GeminiSkipReason =
  | 'malformed-json'
  | 'unknown-shape'
  | 'no-message-id'
  | 'no-tokens'
  | 'bad-tokens'
  | 'bad-timestamp'
  | 'zero-tokens'
  | 'repeated'
  | 'tokens-changed'

export function bump(skips: SkipCounts, reason: GeminiSkipReason, by = 1): void {
  if (by > 0) skips[reason] = (skips[reason] ?? 0) + by
}
