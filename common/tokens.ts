/**
 * Token buckets shared by every provider. The semantics are the same for all agents, so that
 * totals can be added across providers without double counting:
 *
 * - `input`        prompt tokens neither read from nor written to a cache.
 * - `cacheRead`    prompt tokens served from the cache.
 * - `cacheWrite5m` prompt tokens written to a 5-minute cache (also where a source without TTL info goes).
 * - `cacheWrite1h` prompt tokens written to a 1-hour cache.
 * - `output`       ALL generated tokens, reasoning/thinking INCLUDED.
 * - `reasoning`    the reasoning part of `output` (a subset, never added on top); 0 when unknown.
 *
 * Prompt size (what long-context tiers are decided on) = input + cacheRead + cacheWrite5m + cacheWrite1h.
 */
export interface TokenCounts {
  readonly input: number
  readonly output: number
  readonly cacheRead: number
  readonly cacheWrite5m: number
  readonly cacheWrite1h: number
  readonly reasoning: number
}

/** The public (report/CLI/snapshot) shape: cache writes are summed; the TTL split stays internal to pricing. */
export interface ReportTokens {
  input: number
  output: number
  cacheWrite: number
  cacheRead: number
  reasoning: number
}

export const TOKEN_FIELDS = ['input', 'output', 'cacheRead', 'cacheWrite5m', 'cacheWrite1h', 'reasoning'] as const
export type TokenField = (typeof TOKEN_FIELDS)[number]

export const ZERO_TOKENS: TokenCounts = Object.freeze({
  input: 0,
  output: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  reasoning: 0,
})

/** Prompt size of one request: what vendors compare against long-context thresholds. */
export function promptTokens(t: TokenCounts): number {
  return t.input + t.cacheRead + t.cacheWrite5m + t.cacheWrite1h
}

/** Every token billed once: prompt + output (reasoning is inside output). */
export function totalTokens(t: TokenCounts): number {
  return promptTokens(t) + t.output
}

export function toReportTokens(t: TokenCounts): ReportTokens {
  return {
    input: t.input,
    output: t.output,
    cacheWrite: t.cacheWrite5m + t.cacheWrite1h,
    cacheRead: t.cacheRead,
    reasoning: t.reasoning,
  }
}

export function emptyReportTokens(): ReportTokens {
  return { input: 0, output: 0, cacheWrite: 0, cacheRead: 0, reasoning: 0 }
}

/** Adds `b` into the mutable accumulator `a` (report shape). */
export function addReportTokens(a: ReportTokens, b: ReportTokens): void {
  a.input += b.input
  a.output += b.output
  a.cacheWrite += b.cacheWrite
  a.cacheRead += b.cacheRead
  a.reasoning += b.reasoning
}

export function reportTokensTotal(t: ReportTokens): number {
  return t.input + t.output + t.cacheWrite + t.cacheRead
}
