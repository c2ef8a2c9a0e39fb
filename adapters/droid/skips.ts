import type { SkipCounts } from '../../common/adapter-contract.ts'

/** Why a Droid settings file produced no usage event. Stable slugs: they are stored and shown per source. */
export type DroidSkipReason =
  | 'malformed-json'
  | 'unknown-shape'
  | 'no-usage'
  | 'bad-usage'
  | 'zero-tokens'
  | 'total-only'
  | 'no-timestamp'

export function skipOnly(reason: DroidSkipReason): SkipCounts {
  return { [reason]: 1 }
}
