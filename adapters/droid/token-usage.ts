import type { TokenCounts } from '../../common/tokens.ts'
import { isRecord, tokenCount } from './json.ts'
import type { DroidSkipReason } from './skips.ts'

export type TokenUsageResult = { readonly tokens: TokenCounts } | { readonly skip: DroidSkipReason }

/**
 * `tokenUsage` → TokenLedger buckets (agent-formats.md §7.3). Droid's buckets are disjoint: `inputTokens`
 * excludes the cache and `thinkingTokens` is NOT inside `outputTokens`, so output = outputTokens +
 * thinkingTokens with reasoning = thinkingTokens (a subset, as common/tokens.ts requires). Cache writes
 * have no TTL: they go to 5m. A `totalTokens` with every part 0 cannot be split into buckets, so it is a
 * counted skip rather than a guess that would be priced as all-input or all-output.
 */
export function readTokenUsage(value: unknown): TokenUsageResult {
  if (value === undefined || value === null) return { skip: 'no-usage' }
  if (!isRecord(value)) return { skip: 'bad-usage' }
  const input = tokenCount(value['inputTokens'])
  const output = tokenCount(value['outputTokens'])
  const cacheWrite = tokenCount(value['cacheCreationTokens'])
  const cacheRead = tokenCount(value['cacheReadTokens'])
  const thinking = tokenCount(value['thinkingTokens'])
  if (input === null || output === null || cacheWrite === null || cacheRead === null || thinking === null) return { skip: 'bad-usage' }
  if (input + output + cacheWrite + cacheRead + thinking === 0) {
    const total = tokenCount(value['totalTokens'])
    return { skip: total !== null && total > 0 ? 'total-only' : 'zero-tokens' }
  }
  return {
    tokens: { input, output: output + thinking, cacheRead, cacheWrite5m: cacheWrite, cacheWrite1h: 0, reasoning: thinking },
  }
}
