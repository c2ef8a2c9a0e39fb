import type { ProviderId } from '../../common/providers.ts'
import type { AgentCorpusOptions } from './agent-options.ts'
import { generateAmp } from './amp.ts'
import { generateCursor } from './cursor.ts'
import { generateDroid } from './droid.ts'
import { emptyStats, emptyTotals, type ProviderCorpus } from './expected.ts'
import { generateGemini } from './gemini.ts'
import { generateOpencode } from './opencode.ts'
import { deriveSeed } from './prng.ts'

export type OtherAgent = Exclude<ProviderId, 'claude' | 'codex'>

/** Each agent's generator and the salt of its own seed stream (so sizing one leaves the others' files unchanged). */
const GENERATORS: Record<OtherAgent, { salt: number; generate: (o: AgentCorpusOptions) => ProviderCorpus }> = {
  gemini: { salt: 0x6e3141, generate: generateGemini },
  opencode: { salt: 0x0bc0de, generate: generateOpencode },
  droid: { salt: 0xd401d, generate: generateDroid },
  amp: { salt: 0xa3b, generate: generateAmp },
  cursor: { salt: 0xc0450, generate: generateCursor },
}

export const OTHER_AGENTS = ['gemini', 'opencode', 'droid', 'amp', 'cursor'] as const satisfies readonly OtherAgent[]

/** Writes every other agent's files with `requests` billable units each (0 = nothing written). */
export function generateOtherAgents(opts: AgentCorpusOptions): Record<OtherAgent, ProviderCorpus> {
  const run = (agent: OtherAgent): ProviderCorpus => {
    const g = GENERATORS[agent]
    return opts.requests > 0 ? g.generate({ ...opts, seed: deriveSeed(opts.seed, g.salt) }) : { expected: emptyTotals(), stats: emptyStats() }
  }
  return { gemini: run('gemini'), opencode: run('opencode'), droid: run('droid'), amp: run('amp'), cursor: run('cursor') }
}
