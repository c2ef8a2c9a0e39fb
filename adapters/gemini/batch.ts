import type { SkipCounts } from '../../common/adapter-contract.ts'
import type { TokenCounts } from '../../common/tokens.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import { bump, type GeminiSkipReason } from './skips.ts'

/**
 * The events and skips of one pass over a file, with each message kept once.
 *
 * A message is written many times (first `tokens: null`, then with tokens, then again per tool-call
 * update and inside `$set.messages` checkpoints); later copies in the same pass are counted as
 * `repeated` instead of being emitted again. Across passes and files the ledger merges copies of a key by
 * per-field maximum.
 *
 * Why the maximum is right: gemini-cli sets a message's tokens once (`recordMessageTokens` only fills a
 * message whose `tokens` is still null; every later rewrite, checkpoint and resume copy carries that same
 * object), so "the last version with tokens" and "the per-field maximum of all copies" are the same
 * numbers. The one path that can replace them is `recordMessage` with an explicit, already used id, which
 * rebuilds the message with whatever usage is queued. Such a copy is counted as `tokens-changed` and
 * merged by per-field maximum here too, so the result does not depend on whether the copies were read in
 * one pass or two (a file read while being written must give the totals of one clean read).
 */
export class EventBatch {
  readonly events: UsageEvent[] = []
  readonly skips: SkipCounts = {}
  private readonly indexByKey = new Map<string, number>()

  add(item: UsageEvent | GeminiSkipReason | null): void {
    if (item === null) return
    if (typeof item === 'string') {
      bump(this.skips, item)
      return
    }
    const at = this.indexByKey.get(item.dedupeKey)
    if (at === undefined) {
      this.indexByKey.set(item.dedupeKey, this.events.length)
      this.events.push(item)
      return
    }
    const kept = this.events[at]!
    if (sameTokens(kept.tokens, item.tokens)) {
      bump(this.skips, 'repeated')
      return
    }
    bump(this.skips, 'tokens-changed')
    this.events[at] = { ...kept, tokens: maxTokens(kept.tokens, item.tokens) }
  }

  skip(reason: GeminiSkipReason): void {
    bump(this.skips, reason)
  }
}

function sameTokens(a: TokenCounts, b: TokenCounts): boolean {
  return (
    a.input === b.input && a.output === b.output && a.cacheRead === b.cacheRead &&
    a.cacheWrite5m === b.cacheWrite5m && a.cacheWrite1h === b.cacheWrite1h && a.reasoning === b.reasoning
  )
}

function maxTokens(a: TokenCounts, b: TokenCounts): TokenCounts {
  return {
    input: Math.max(a.input, b.input),
    output: Math.max(a.output, b.output),
    cacheRead: Math.max(a.cacheRead, b.cacheRead),
    cacheWrite5m: Math.max(a.cacheWrite5m, b.cacheWrite5m),
    cacheWrite1h: Math.max(a.cacheWrite1h, b.cacheWrite1h),
    reasoning: Math.max(a.reasoning, b.reasoning),
  }
}
