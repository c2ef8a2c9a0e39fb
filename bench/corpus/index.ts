import { generateClaude } from './claude.ts'
import { generateCodex } from './codex.ts'
import { deriveSeed } from './prng.ts'
import type { ProviderCorpus } from './expected.ts'

export type { CorpusStats, ExpectedTotals, ProviderCorpus, TotalsLine, TokenSums } from './expected.ts'
export { sumTotals } from './expected.ts'
export { generateClaude } from './claude.ts'
export { generateCodex } from './codex.ts'

export interface HomeOptions {
  /** The fake HOME to write `.claude/` and `.codex/` into. */
  dir: string
  claudeRequests: number
  codexRequests: number
  seed: number
  /** First day (UTC); floored to midnight. */
  startMs: number
  days: number
}

export interface GeneratedHome {
  claude: ProviderCorpus
  codex: ProviderCorpus
}

/**
 * Writes a deterministic fake HOME with Claude Code and Codex logs and returns the exact totals a correct
 * reader must report. Each provider gets its own seed stream, so sizing one leaves the other's files unchanged.
 */
export function generateHome(opts: HomeOptions): GeneratedHome {
  const common = { dir: opts.dir, startMs: opts.startMs, days: opts.days }
  return {
    claude: generateClaude({ ...common, requests: opts.claudeRequests, seed: deriveSeed(opts.seed, 0xc1a0de) }),
    codex: generateCodex({ ...common, requests: opts.codexRequests, seed: deriveSeed(opts.seed, 0xc0de5) }),
  }
}
