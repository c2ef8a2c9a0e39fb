import { generateClaude } from './claude.ts'
import { generateCodex } from './codex.ts'
import { generateOtherAgents, type OtherAgent } from './other-agents.ts'
import { deriveSeed } from './prng.ts'
import type { ProviderCorpus } from './expected.ts'

export type { CorpusStats, ExpectedTotals, ProviderCorpus, TotalsLine, TokenSums } from './expected.ts'
export { sumTotals } from './expected.ts'
export { generateClaude } from './claude.ts'
export { generateCodex } from './codex.ts'
export { OTHER_AGENTS, type OtherAgent } from './other-agents.ts'

export interface HomeOptions {
  /** The fake HOME to write every agent's files into. */
  dir: string
  claudeRequests: number
  codexRequests: number
  /**
   * Also write Gemini CLI, OpenCode, Factory Droid, Amp and Cursor data, each with a tenth as many billable
   * units as Claude requests (Droid: sessions; Cursor: export rows). Default true.
   */
  otherAgents?: boolean
  seed: number
  /** First day (UTC); floored to midnight. */
  startMs: number
  days: number
}

/** Expected totals and corpus figures of every agent TokenLedger reads. */
export type GeneratedHome = { claude: ProviderCorpus; codex: ProviderCorpus } & Record<OtherAgent, ProviderCorpus>

/** Billable units per other agent for a size: a tenth of the Claude requests. */
export function otherAgentRequests(claudeRequests: number): number {
  return Math.round(claudeRequests / 10)
}

/**
 * Writes a deterministic fake HOME with every agent's logs and returns the exact totals a correct reader
 * must report. Each provider gets its own seed stream, so sizing one leaves the other's files unchanged.
 */
export function generateHome(opts: HomeOptions): GeneratedHome {
  const common = { dir: opts.dir, startMs: opts.startMs, days: opts.days }
  const others = opts.otherAgents ?? true ? otherAgentRequests(opts.claudeRequests) : 0
  return {
    claude: generateClaude({ ...common, requests: opts.claudeRequests, seed: deriveSeed(opts.seed, 0xc1a0de) }),
    codex: generateCodex({ ...common, requests: opts.codexRequests, seed: deriveSeed(opts.seed, 0xc0de5) }),
    ...generateOtherAgents({ ...common, requests: others, seed: opts.seed }),
  }
}
