import type { SkipCounts } from '../../common/adapter-contract.ts'

/** Why (part of) an Amp thread produced no usage event. Stable slugs: stored and shown per source. */
export type AmpSkipReason = 'malformed-json' | 'unknown-shape' | 'bad-usage' | 'zero-tokens' | 'total-only' | 'no-timestamp'

export function bump(skips: SkipCounts, reason: AmpSkipReason, by = 1): void {
  if (by > 0) skips[reason] = (skips[reason] ?? 0) + by
}
