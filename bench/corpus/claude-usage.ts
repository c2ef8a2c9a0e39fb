import type { TokenCounts } from '../../common/tokens.ts'
import type { ClaudeUsage } from './claude-lines.ts'
import type { Rng } from './prng.ts'

/** Per-transcript usage state: the cached context grows request by request until a compaction resets it. */
export interface UsageState {
  context: number
  /** Claude Code 1.0.x wrote no `cache_creation` TTL split. */
  legacyCacheFields: boolean
  /** Rare transcripts carry `cache_read_input_tokens: null` on a request (a reader must treat it as 0). */
  nullCacheReadChance: number
}

export interface RequestUsage {
  /** Usage of the final streamed copy. */
  final: ClaudeUsage
  /** What a correct reader must count for this request (agent-formats.md §3.5). */
  tokens: TokenCounts
}

export function nextUsage(rng: Rng, s: UsageState): RequestUsage {
  const first = s.context === 0
  s.context = first || s.context > 160_000 ? rng.int(12_000, 30_000) : s.context + rng.int(150, 3_000)
  const input = rng.chance(0.9) ? rng.int(1, 24) : rng.int(100, 6_000)
  const cacheWrite = first ? s.context : rng.chance(0.25) ? 0 : rng.int(50, 4_000)
  const cacheRead = first ? 0 : s.context - cacheWrite > 0 ? s.context - cacheWrite : 0
  const output = rng.chance(0.1) ? rng.int(1_000, 8_000) : rng.int(1, 900)
  const ttl = rng.next()
  const w1h = ttl < 0.7 ? cacheWrite : ttl < 0.9 ? 0 : Math.floor(cacheWrite * rng.next())
  const nullRead = rng.chance(s.nullCacheReadChance)
  const final: ClaudeUsage = {
    input_tokens: input,
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: nullRead ? null : cacheRead,
    output_tokens: output,
    service_tier: 'standard',
  }
  if (!s.legacyCacheFields) {
    final.cache_creation = { ephemeral_5m_input_tokens: cacheWrite - w1h, ephemeral_1h_input_tokens: w1h }
  }
  const tokens: TokenCounts = {
    input,
    output,
    cacheRead: nullRead ? 0 : cacheRead,
    cacheWrite5m: s.legacyCacheFields ? cacheWrite : cacheWrite - w1h,
    cacheWrite1h: s.legacyCacheFields ? 0 : w1h,
    reasoning: 0,
  }
  return { final, tokens }
}

/** An earlier streamed copy: same prompt buckets, a partial output count. */
export function partialCopy(rng: Rng, final: ClaudeUsage): ClaudeUsage {
  const out = typeof final.output_tokens === 'number' ? final.output_tokens : 1
  return { ...final, output_tokens: rng.int(1, Math.max(1, Math.min(out - 1, 40))) }
}
