import type { SkipCounts } from '../../common/adapter-contract.ts'

/** Why a row (or a whole file) of a Cursor export produced no usage event. Stable slugs, shown per source. */
export type CursorSkipReason =
  /** The file is not a usage-events export (another CSV dropped in the import folder): counted once. */
  | 'not-cursor-csv'
  /** The file ended inside a quoted cell: it was read while being written. */
  | 'torn-row'
  /** Broken quoting, or more cells than the header. */
  | 'malformed-row'
  /** Fewer cells than the header. */
  | 'short-row'
  | 'bad-date'
  | 'no-model'
  | 'bad-tokens'
  /** Errored / aborted requests and other rows without tokens: not billable requests. */
  | 'zero-tokens'
  /** `Total Tokens` is not the sum of the four token columns: the row cannot be split with confidence. */
  | 'total-mismatch'

export function bump(skips: SkipCounts, reason: CursorSkipReason, by = 1): void {
  skips[reason] = (skips[reason] ?? 0) + by
}
