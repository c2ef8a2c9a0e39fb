import type { TokenCounts } from '../../common/tokens.ts'

/** The six token columns as every ledger table names them. */
export interface TokenColumns {
  input: number
  output: number
  cache_read: number
  cache_write_5m: number
  cache_write_1h: number
  reasoning: number
}

/** Reads the token columns of a row (events, rollups, baselines) into the shared TokenCounts shape. */
export function tokensOf(r: TokenColumns): TokenCounts {
  return { input: r.input, output: r.output, cacheRead: r.cache_read, cacheWrite5m: r.cache_write_5m, cacheWrite1h: r.cache_write_1h, reasoning: r.reasoning }
}
