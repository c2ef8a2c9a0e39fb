import type { TokenCounts } from '../../common/tokens.ts'
import { isRecord } from './json.ts'

/**
 * A message's `tokens` as the CLI writes it (`recordMessageTokens`, from the API's usageMetadata):
 * input = promptTokenCount, output = candidatesTokenCount, cached = cachedContentTokenCount,
 * thoughts = thoughtsTokenCount, tool = toolUsePromptTokenCount, total = totalTokenCount.
 */
export interface GeminiTokens {
  readonly input: number
  readonly output: number
  readonly cached: number
  readonly thoughts: number
  readonly tool: number
  readonly total: number
}

/**
 * Reads a `tokens` object, or null when it is not one (not an object, or a count that is negative,
 * fractional or not a number). A missing or null field reads as 0: older builds omit `thoughts` and `tool`.
 */
export function readGeminiTokens(value: unknown): GeminiTokens | null {
  if (!isRecord(value)) return null
  const input = count(value['input'])
  const output = count(value['output'])
  const cached = count(value['cached'])
  const thoughts = count(value['thoughts'])
  const tool = count(value['tool'])
  const total = count(value['total'])
  if (input === null || output === null || cached === null || thoughts === null || tool === null || total === null) return null
  return { input, output, cached, thoughts, tool, total }
}

function count(value: unknown): number | null {
  if (value === undefined || value === null) return 0
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null
}

/** True when a record billed nothing (`total` ignored: it is derived from the others). */
export function isZeroTokens(t: GeminiTokens): boolean {
  return t.input === 0 && t.output === 0 && t.cached === 0 && t.thoughts === 0 && t.tool === 0
}

/**
 * Whether `input` (promptTokenCount) already contains `cached`. The Gemini API says it does, and then
 * `total = input + output + thoughts + tool`. A record whose total only adds up with `cached` added on
 * top was written by something that reports the prompt without the cache (tokscale checks the same), and
 * subtracting there would lose tokens. Without a usable total, `cached > input` alone proves exclusion;
 * otherwise the API's convention applies.
 */
export function inputIncludesCached(t: GeminiTokens): boolean {
  if (t.cached === 0) return true // nothing to subtract either way
  if (t.cached > t.input) return false
  const sum = t.input + t.output + t.thoughts + t.tool
  if (t.total === sum) return true
  if (t.total === sum + t.cached) return false
  return true
}

/**
 * Gemini → TokenLedger buckets: input = uncached prompt + tool-use prompt, cacheRead = cached (implicit
 * caching has no write charge), output = candidates + thoughts (Gemini's thoughtsTokenCount is DISJOINT
 * from candidatesTokenCount, while TokenLedger's output includes reasoning), reasoning = thoughts.
 * So input + cacheRead + output equals the log's `total`.
 */
export function toTokenCounts(t: GeminiTokens): TokenCounts {
  const uncached = inputIncludesCached(t) ? t.input - t.cached : t.input
  return { input: uncached + t.tool, cacheRead: t.cached, cacheWrite5m: 0, cacheWrite1h: 0, output: t.output + t.thoughts, reasoning: t.thoughts }
}
