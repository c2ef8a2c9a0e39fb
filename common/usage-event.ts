import type { ProviderId } from './providers.ts'
import type { TokenCounts } from './tokens.ts'

/**
 * One billable model request, normalized. Produced by adapters, stored once in the ledger (keyed by
 * `dedupeKey`), never priced at ingest: costs are computed later from the pricing registry so that
 * history can be re-priced.
 */
export interface UsageEvent {
  /** Request time, UTC epoch milliseconds. Days are bucketed at query time in the user's zone. */
  readonly eventTs: number
  readonly provider: ProviderId
  /** The model string exactly as the agent logged it. Resolution to a priced model happens in pricing. */
  readonly modelRaw: string
  readonly sessionId: string
  /** Vendor request id when the log has one (Claude `requestId`), else null. */
  readonly requestId: string | null
  /**
   * Vendor response/message id when the log has one (Claude `message.id`). Used for the sidechain rule:
   * a sidechain copy of a message that already exists under another request id is a replay, not usage.
   */
  readonly messageId: string | null
  /** True for Claude sidechain lines (`isSidechain`), which may replay parent messages. */
  readonly isSidechain: boolean
  /** Working directory or project label, when known. */
  readonly project: string | null
  /** The config root / account the event came from (e.g. `~/.claude`, a `CODEX_HOME`). */
  readonly account: string
  readonly tokens: TokenCounts
  /** Cost the agent itself reported (OpenCode, Cursor CSV, old Claude `costUSD`), else null. */
  readonly vendorCostUsd: number | null
  /** Globally unique identity of this request across files and runs; the ledger's UNIQUE key. */
  readonly dedupeKey: string
  readonly sourcePath: string
  /** Byte offset of the line (JSONL) or row id (databases) the event came from. */
  readonly sourceOffset: number
  readonly parserVersion: number
  /**
   * Set by sources that only keep a running total (Factory Droid sessions): `tokens` are then the total
   * so far for this key, and the ledger records the INCREASE since the last total it saw as the event
   * (so usage lands on the day it happened, and re-reading a file adds nothing). `dedupeKey` is ignored.
   */
  readonly cumulativeKey?: string | null
}

/** A quota-window reading found in an agent's log (Codex `rate_limits`), kept as a timestamped sample. */
export interface LimitReading {
  readonly provider: ProviderId
  readonly account: string
  /** Stable id of the window within its provider, e.g. `primary` / `secondary`. */
  readonly windowId: string
  readonly observedTs: number
  readonly usedPercent: number
  readonly windowMinutes: number | null
  /** UTC epoch ms when the window resets; readings whose reset has passed are dropped from display. */
  readonly resetsAt: number | null
  readonly planType: string | null
}
