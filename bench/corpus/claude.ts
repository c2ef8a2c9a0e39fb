import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { addRequest, emptyStats, emptyTotals, type ProviderCorpus } from './expected.ts'
import { createFiller } from './filler.ts'
import { openLineWriter } from './jsonl-writer.ts'
import { createRng } from './prng.ts'
import { assertSameDay, sessionStart, type Clock } from './schedule.ts'
import { writeTranscript, type Transcript } from './claude-transcript.ts'

export interface ClaudeCorpusOptions {
  /** Fake HOME: files go to `<dir>/.claude/projects/`. */
  dir: string
  /** Billable requests after dedupe, subagents included. */
  requests: number
  seed: number
  /** UTC midnight of the first day. */
  startMs: number
  days: number
}

const PROJECTS = [
  'api-server', 'web-app', 'infra', 'data-pipeline', 'mobile', 'docs-site',
  'cli-tools', 'ml-experiments', 'billing', 'auth-service', 'design-system', 'scratch',
]
const MODELS = [
  'claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929',
  'claude-opus-4-1-20250805', 'claude-opus-4-5-20251101', 'claude-haiku-4-5-20251001',
]
const VERSIONS = ['1.0.120', '2.0.14', '2.0.37', '2.0.55', '2.1.3']

/**
 * Writes Claude Code transcripts under `<dir>/.claude/projects/<project>/<session>.jsonl` (and subagent
 * files) holding exactly `requests` billable requests, and returns what a correct reader must count.
 */
export function generateClaude(opts: ClaudeCorpusOptions): ProviderCorpus {
  const rng = createRng(opts.seed)
  const filler = createFiller(rng)
  const expected = emptyTotals()
  const stats = emptyStats()
  const root = join(opts.dir, '.claude', 'projects')
  let remaining = opts.requests
  while (remaining > 0) {
    const n = Math.min(remaining, rng.int(8, 300))
    const project = rng.pick(PROJECTS)
    const projectDir = `-home-dev-code-${project}`
    const sessionId = rng.uuid()
    const version = rng.pick(VERSIONS)
    const clock: Clock = { ts: sessionStart(rng, opts.startMs, opts.days) }
    const startedAt = clock.ts
    const writer = openLineWriter(join(root, projectDir, `${sessionId}.jsonl`))
    const t: Transcript = {
      rng,
      filler,
      clock,
      writer,
      env: { cwd: `/home/dev/code/${project}`, sessionId, version, gitBranch: rng.pick(['main', 'main', 'feat/x', 'fix/y']), isSidechain: false, agentId: null },
      usage: { context: 0, legacyCacheFields: version.startsWith('1.'), nullCacheReadChance: 0.01 },
      model: rng.pick(MODELS),
      respaced: rng.chance(1 / 150),
      lastUuid: null,
      stats,
      onRequest: (ts, model, tokens) => {
        assertSameDay(startedAt, ts)
        addRequest(expected, ts, model, tokens)
      },
      openSubagent: (agentId) => {
        const legacy = version.startsWith('1.') || rng.chance(0.2)
        const dir = legacy ? join(root, projectDir) : join(root, projectDir, sessionId, 'subagents')
        stats.files++
        const agentWriter = openLineWriter(join(dir, `agent-${agentId}.jsonl`))
        if (!legacy) writeFileSync(join(dir, `agent-${agentId}.meta.json`), JSON.stringify({ agentType: 'general-purpose' }))
        return agentWriter
      },
    }
    writeTranscript(t, n)
    writer.close()
    stats.files++
    stats.bytes += writer.stats.bytes
    stats.lines += writer.stats.lines
    remaining -= n
  }
  return { expected, stats }
}
