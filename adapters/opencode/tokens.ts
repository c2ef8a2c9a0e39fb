import type { TokenCounts } from '../../common/tokens.ts'
import { finiteNumber, isRecord } from './json.ts'

/**
 * OpenCode's `tokens` object exactly as stored (on a `step-finish` part or an assistant message):
 * `{total?, input, output, reasoning, cache: {read, write}}`. Kept raw for dedupe keys, so a key does not
 * depend on how we interpret the build's semantics.
 */
export interface RawTokens {
  readonly input: number
  readonly output: number
  readonly reasoning: number
  readonly cacheRead: number
  readonly cacheWrite: number
  /** The build's own total (builds since early 2026); null when absent. */
  readonly total: number | null
}

/** Reads a `tokens` object; null when a bucket is missing, not a number, or (except `input`) negative. */
export function readRawTokens(value: unknown): RawTokens | null {
  if (!isRecord(value)) return null
  const cache = isRecord(value['cache']) ? value['cache'] : {}
  const input = finiteNumber(value['input'])
  const output = finiteNumber(value['output'])
  // Builds before reasoning was split out had no `reasoning` field; absent means none.
  const reasoning = value['reasoning'] === undefined ? 0 : finiteNumber(value['reasoning'])
  const cacheRead = cache['read'] === undefined ? 0 : finiteNumber(cache['read'])
  const cacheWrite = cache['write'] === undefined ? 0 : finiteNumber(cache['write'])
  if (input === null || output === null || reasoning === null || cacheRead === null || cacheWrite === null) return null
  if (output < 0 || reasoning < 0 || cacheRead < 0 || cacheWrite < 0) return null
  return { input, output, reasoning, cacheRead, cacheWrite, total: finiteNumber(value['total']) }
}

export function isZeroTokens(t: RawTokens): boolean {
  return t.input <= 0 && t.output === 0 && t.reasoning === 0 && t.cacheRead === 0 && t.cacheWrite === 0
}

/** `input,output,reasoning,cacheRead,cacheWrite` as stored: the usage part of a dedupe key. */
export function rawTuple(t: RawTokens): string {
  return `${t.input},${t.output},${t.reasoning},${t.cacheRead},${t.cacheWrite}`
}

/**
 * Whether this build's `output` already includes `reasoning`. Current builds store
 * `output = outputTokens − reasoning` (disjoint, anomalyco/opencode#21047); older builds stored the SDK's
 * `outputTokens`, which includes reasoning for OpenAI-style providers; Gemini-style providers were disjoint
 * even then. The row itself says which: the build's `total` is the provider's own total, so
 * `total = input + output + cache` means reasoning is inside output, and `total = that + reasoning` means it
 * is not. Without a usable total, reasoning larger than output can only be disjoint; otherwise we take the
 * older builds' inclusive meaning (rows without `total` predate the disjoint builds).
 */
export function outputIncludesReasoning(t: RawTokens): boolean {
  if (t.reasoning === 0) return true
  const base = t.input + t.output + t.cacheRead + t.cacheWrite
  if (t.total !== null && t.total === base + t.reasoning) return false
  if (t.total !== null && t.total === base) return true
  return t.reasoning <= t.output
}

/**
 * TokenLedger buckets: input uncached, cache read, cache write (no TTL → 5m), output WITH reasoning.
 * A negative `input` is OpenCode's own underflow (`inputTokens − cache` when a provider already excluded
 * the cache, anomalyco/opencode#26620): the uncached part is then 0, the cache and output stay real.
 */
export function toTokenCounts(t: RawTokens): TokenCounts {
  const inclusive = outputIncludesReasoning(t)
  return {
    input: Math.max(0, Math.round(t.input)),
    output: Math.round(inclusive ? t.output : t.output + t.reasoning),
    cacheRead: Math.round(t.cacheRead),
    cacheWrite5m: Math.round(t.cacheWrite),
    cacheWrite1h: 0,
    reasoning: Math.round(t.reasoning),
  }
}
