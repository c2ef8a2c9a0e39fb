import type { SkipCounts } from '../../common/adapter-contract.ts'

/** Why an OpenCode row or file produced no usage event. Stable slugs: they are stored and shown per source. */
export type OpencodeSkipReason =
  | 'not-opencode-db'
  | 'malformed-json'
  | 'unknown-shape'
  | 'orphan-part'
  | 'bad-timestamp'
  | 'bad-usage'
  | 'zero-tokens'
  | 'aborted'

export function bump(skips: SkipCounts, reason: OpencodeSkipReason): void {
  skips[reason] = (skips[reason] ?? 0) + 1
}
