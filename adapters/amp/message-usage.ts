import type { SkipCounts } from '../../common/adapter-contract.ts'
import { isRecord, messageIdOf, nonEmptyString, timeMs, tokenCount } from './json.ts'
import { bump } from './skips.ts'

/** The usage an assistant message carries (current schema), as counts only: no message text is kept. */
export interface MessageUsage {
  /** Position in `messages[]`: the identity of a message that has no `messageId`. */
  readonly index: number
  readonly id: string | null
  readonly ts: number | null
  readonly model: string | null
  readonly input: number
  readonly output: number
  readonly cacheRead: number
  readonly cacheWrite: number
  /** `totalTokens`, only used to tell a total-only record from an empty one. */
  readonly total: number
}

/**
 * Assistant `messages[].usage.{model, timestamp, inputTokens, outputTokens, cacheCreationInputTokens,
 * cacheReadInputTokens}`. `inputTokens` excludes the cache (ccusage's fixture: 10 + 986 + 11372 = the
 * 12368 `totalInputTokens`). Time and model come from `usage`, else from the message. A message still
 * streaming has no usage yet and is simply not usage; a usage with a bad count is a counted skip.
 */
export function readMessageUsages(messages: unknown, skips: SkipCounts): MessageUsage[] {
  if (!Array.isArray(messages)) return []
  const out: MessageUsage[] = []
  messages.forEach((m: unknown, index) => {
    if (!isRecord(m)) {
      bump(skips, 'unknown-shape')
      return
    }
    if (m['role'] !== 'assistant' || m['usage'] === undefined || m['usage'] === null) return
    const usage = m['usage']
    if (!isRecord(usage)) {
      bump(skips, 'bad-usage')
      return
    }
    const input = tokenCount(usage['inputTokens'])
    const output = tokenCount(usage['outputTokens'])
    const cacheRead = tokenCount(usage['cacheReadInputTokens'])
    const cacheWrite = tokenCount(usage['cacheCreationInputTokens'])
    if (input === null || output === null || cacheRead === null || cacheWrite === null) {
      bump(skips, 'bad-usage')
      return
    }
    out.push({
      index,
      id: messageIdOf(m['messageId']),
      ts: timeMs(usage['timestamp']) ?? timeMs(m['timestamp']),
      model: nonEmptyString(usage['model']) ?? nonEmptyString(m['model']),
      input,
      output,
      cacheRead,
      cacheWrite,
      total: tokenCount(usage['totalTokens']) ?? 0,
    })
  })
  return out
}
