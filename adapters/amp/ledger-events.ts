import type { SkipCounts } from '../../common/adapter-contract.ts'
import { isRecord, messageIdOf, nonEmptyString, timeMs, tokenCount } from './json.ts'
import { bump } from './skips.ts'

/** One `usageLedger.events[]` entry of an older thread. */
export interface LedgerEvent {
  readonly index: number
  readonly id: string | null
  /** The assistant message the event paid for: where its cache tokens are found. */
  readonly toMessageId: string | null
  readonly ts: number | null
  readonly model: string | null
  readonly input: number
  readonly output: number
  /** Cache counts when this build wrote them into the ledger (most did not): undefined = look in the message. */
  readonly cacheRead: number | undefined
  readonly cacheWrite: number | undefined
  readonly total: number
}

/**
 * `usageLedger.events[].{id, timestamp, model, tokens.{input, output, total}, toMessageId}`. Most builds wrote
 * no cache split here (reading only the ledger loses every cache token: tokscale 1.4.3); a few wrote
 * `tokens.cacheReadInputTokens` / `cacheCreationInputTokens`, which are taken when present.
 */
export function readLedgerEvents(ledger: unknown, skips: SkipCounts): LedgerEvent[] {
  if (!isRecord(ledger) || !Array.isArray(ledger['events'])) return []
  const out: LedgerEvent[] = []
  ledger['events'].forEach((e: unknown, index) => {
    if (!isRecord(e)) {
      bump(skips, 'unknown-shape')
      return
    }
    const tokens = e['tokens'] ?? {}
    if (!isRecord(tokens)) {
      bump(skips, 'bad-usage')
      return
    }
    const input = tokenCount(tokens['input'])
    const output = tokenCount(tokens['output'])
    const cacheRead = optionalCount(tokens['cacheReadInputTokens'])
    const cacheWrite = optionalCount(tokens['cacheCreationInputTokens'])
    if (input === null || output === null || cacheRead === null || cacheWrite === null) {
      bump(skips, 'bad-usage')
      return
    }
    out.push({
      index,
      id: nonEmptyString(e['id']),
      toMessageId: messageIdOf(e['toMessageId']),
      ts: timeMs(e['timestamp']),
      model: nonEmptyString(e['model']),
      input,
      output,
      cacheRead,
      cacheWrite,
      total: tokenCount(tokens['total']) ?? 0,
    })
  })
  return out
}

/** A count that may be absent: absent → undefined (taken from elsewhere), a bad value → null. */
function optionalCount(value: unknown): number | null | undefined {
  return value === undefined ? undefined : tokenCount(value)
}
