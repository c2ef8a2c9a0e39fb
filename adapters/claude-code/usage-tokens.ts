import type { TokenCounts } from '../../common/tokens.ts'

/**
 * Anthropic `usage` → TokenLedger buckets (agent-formats.md §3.5). Anthropic's `input_tokens` already
 * excludes cache reads and writes, and `output_tokens` already includes thinking, so no arithmetic between
 * fields is needed; `reasoning` is not reported (0).
 *
 * Cache writes: `cache_creation.ephemeral_{5m,1h}_input_tokens` give the TTL split when present. Any part of
 * `cache_creation_input_tokens` that the split does not account for (older or partial objects) goes to 5m,
 * the documented default for writes without a TTL, so tokens are never lost. Without the object, all of
 * `cache_creation_input_tokens` is a 5m write.
 */
export function usageTokens(usage: Readonly<Record<string, unknown>>): TokenCounts {
  const created = count(usage['cache_creation_input_tokens'])
  const split = usage['cache_creation']
  let w5m = created
  let w1h = 0
  if (isRecord(split)) {
    const s5m = count(split['ephemeral_5m_input_tokens'])
    w1h = count(split['ephemeral_1h_input_tokens'])
    w5m = s5m + Math.max(0, created - s5m - w1h)
  }
  return {
    input: count(usage['input_tokens']),
    output: count(usage['output_tokens']),
    cacheRead: count(usage['cache_read_input_tokens']),
    cacheWrite5m: w5m,
    cacheWrite1h: w1h,
    reasoning: 0,
  }
}

export function isZero(t: TokenCounts): boolean {
  return t.input === 0 && t.output === 0 && t.cacheRead === 0 && t.cacheWrite5m === 0 && t.cacheWrite1h === 0
}

/** A token count; null, missing, negative or non-numeric values are 0 (cosmetic nulls must not drop a line). */
function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.trunc(value) : 0
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
