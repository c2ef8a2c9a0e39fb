import { generateHome } from '../corpus/index.ts'
import { makeHome, type FixtureHome } from '../../e2e/harness/make-home.ts'

const DAY_MS = 86_400_000

export interface UiHome {
  fixture: FixtureHome
  /** Claude + Codex requests of generated history under the fixture (0 = the e2e fixture alone). */
  historyRequests: number
}

/**
 * The popover's home: the e2e fixture (30 days ending now, today's live Claude session, Codex quotas, an
 * unpriced model), plus `historyRequests` Claude requests (and a quarter as many Codex) from the bench
 * corpus over the 30 days before today, so every snapshot the engine pushes is computed over a ledger
 * the size of a heavy user's month rather than a few dozen requests. The history ends yesterday, so
 * today's figure comes from the fixture and the appends only.
 */
export async function makeUiHome(dir: string, historyRequests: number, now: Date, seed: number): Promise<UiHome> {
  const fixture = await makeHome(dir, now)
  if (historyRequests === 0) return { fixture, historyRequests: 0 }
  const startOfToday = Math.floor(now.getTime() / DAY_MS) * DAY_MS
  const codexRequests = Math.round(historyRequests / 4)
  // The fixture already holds every other agent (its OpenCode database would be overwritten): Claude and Codex only.
  generateHome({ dir, claudeRequests: historyRequests, codexRequests, otherAgents: false, seed, startMs: startOfToday - 30 * DAY_MS, days: 30 })
  return { fixture, historyRequests: historyRequests + codexRequests }
}
