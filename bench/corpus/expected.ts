import type { TokenCounts } from '../../common/tokens.ts'

/** Token sums in the normalized buckets (common/tokens.ts), mutable while a generator accumulates. */
export type TokenSums = { -readonly [K in keyof TokenCounts]: number }

export interface TotalsLine {
  requests: number
  tokens: TokenSums
}

/** What a correct reader must report for one provider's generated files. */
export interface ExpectedTotals extends TotalsLine {
  /** Per UTC date (YYYY-MM-DD). Sessions never cross UTC midnight, so any day-attribution rule agrees. */
  byDay: Record<string, TotalsLine>
  /** Per raw model string as logged. */
  byModel: Record<string, TotalsLine>
}

/** Size and noise of what was written, for the bench's table. */
export interface CorpusStats {
  files: number
  lines: number
  bytes: number
  /** Lines that must be counted skips (malformed, truncated, wrong shape). */
  malformedLines: number
  /** Extra copies a reader must dedupe: streamed copies, progress mirrors, sidechain replays, re-emitted token_count. */
  duplicateLines: number
}

export interface ProviderCorpus {
  expected: ExpectedTotals
  stats: CorpusStats
}

export function zeroTokens(): TokenSums {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 }
}

export function emptyTotals(): ExpectedTotals {
  return { requests: 0, tokens: zeroTokens(), byDay: {}, byModel: {} }
}

export function emptyStats(): CorpusStats {
  return { files: 0, lines: 0, bytes: 0, malformedLines: 0, duplicateLines: 0 }
}

function addInto(line: TotalsLine, t: TokenCounts): void {
  line.requests++
  line.tokens.input += t.input
  line.tokens.output += t.output
  line.tokens.cacheRead += t.cacheRead
  line.tokens.cacheWrite5m += t.cacheWrite5m
  line.tokens.cacheWrite1h += t.cacheWrite1h
  line.tokens.reasoning += t.reasoning
}

/** Records one billable request (after dedupe) at UTC instant `ts`. */
export function addRequest(totals: ExpectedTotals, ts: number, model: string, t: TokenCounts): void {
  const day = new Date(ts).toISOString().slice(0, 10)
  addInto(totals, t)
  addInto((totals.byDay[day] ??= { requests: 0, tokens: zeroTokens() }), t)
  addInto((totals.byModel[model] ??= { requests: 0, tokens: zeroTokens() }), t)
}

/** Sums per-provider totals (used for the engine's all-provider report). */
export function sumTotals(parts: readonly TotalsLine[]): TotalsLine {
  const out: TotalsLine = { requests: 0, tokens: zeroTokens() }
  for (const p of parts) {
    out.requests += p.requests
    for (const k of Object.keys(out.tokens) as Array<keyof TokenSums>) out.tokens[k] += p.tokens[k]
  }
  return out
}
