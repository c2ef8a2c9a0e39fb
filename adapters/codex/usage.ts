import type { TokenCounts } from '../../common/tokens.ts'
import { isRecord } from './json.ts'

/**
 * A Codex `TokenUsage` as `[input_tokens, cached_input_tokens, output_tokens, reasoning_output_tokens,
 * total_tokens]`: a tuple so it stays plain JSON in the resume cursor and prints compactly in a key.
 */
export type UsageTuple = readonly [number, number, number, number, number]

/**
 * Reads a `TokenUsage` object, or null when it is not one (not an object, or a count that is negative,
 * fractional or not a number). A missing field reads as 0: not every build writes every field.
 */
export function readUsage(value: unknown): UsageTuple | null {
  if (!isRecord(value)) return null
  const input = count(value['input_tokens'])
  const cached = count(value['cached_input_tokens'])
  const output = count(value['output_tokens'])
  const reasoning = count(value['reasoning_output_tokens'])
  const total = count(value['total_tokens'])
  if (input === null || cached === null || output === null || reasoning === null || total === null) return null
  return [input, cached, output, reasoning, total]
}

function count(value: unknown): number | null {
  if (value === undefined || value === null) return 0
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null
}

export function sameUsage(a: UsageTuple, b: UsageTuple): boolean {
  return a.every((v, i) => v === b[i])
}

/**
 * True when a request billed nothing. `total_tokens` is ignored on purpose: `fill_to_context_window`
 * writes a last usage of `{total_tokens: delta}` with every real bucket 0, which is not a request.
 */
export function isZeroUsage(u: UsageTuple): boolean {
  return u[0] === 0 && u[1] === 0 && u[2] === 0 && u[3] === 0
}

/**
 * Codex → TokenLedger buckets. OpenAI `input_tokens` INCLUDES `cached_input_tokens`, and
 * `reasoning_output_tokens` is already INSIDE `output_tokens`; so input + cacheRead + output equals the
 * log's `input_tokens + output_tokens` and nothing is counted twice. Codex reports no cache writes.
 * Null when cached exceeds input, which no real log does: the record is nonsense, not usage. Reasoning is
 * capped at output so the subset rule holds even for a corrupt record.
 */
export function toTokenCounts(u: UsageTuple): TokenCounts | null {
  const [input, cached, output, reasoning] = u
  if (cached > input) return null
  return { input: input - cached, cacheRead: cached, cacheWrite5m: 0, cacheWrite1h: 0, output, reasoning: Math.min(reasoning, output) }
}
