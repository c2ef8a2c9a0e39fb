import { utimesSync } from 'node:fs'
import { join } from 'node:path'
import { droidSettings, type DroidUsage } from '../../e2e/harness/agent-lines.ts'
import type { AgentCorpusOptions } from './agent-options.ts'
import { addRequest, emptyStats, emptyTotals, type CorpusStats, type ProviderCorpus } from './expected.ts'
import { createFiller, type Filler } from './filler.ts'
import { createRng, type Rng } from './prng.ts'
import { assertSameDay, sessionStart, tick, type Clock } from './schedule.ts'
import { writeTextFile } from './text-file.ts'

const MODELS = [
  'claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929', 'claude-opus-4-5-20251101', 'gpt-5-codex', 'glm-4.6',
  'custom:Claude-Opus-4.5-Thinking-[Anthropic]-0',
]
const PROJECTS = ['api-server', 'web-app', 'infra', 'mobile', 'docs-site']

/** Sessions that must add nothing: never prompted (no `tokenUsage`), all-zero usage, torn mid-rewrite. */
const NOISE = ['no-usage', 'zero', 'torn'] as const

const iso = (ts: number): string => new Date(ts).toISOString()

/** The session's running total after `turns` requests (Droid rewrites it in place; buckets are disjoint). */
function runningTotal(rng: Rng, clock: Clock, turns: number, anthropic: boolean): DroidUsage {
  const u = { inputTokens: 0, outputTokens: 0, cacheCreationTokens: 0, cacheReadTokens: 0, thinkingTokens: 0 }
  let context = 0
  for (let i = 0; i < turns; i++) {
    tick(rng, clock, 20_000, 240_000)
    u.cacheReadTokens += context
    context = context > 200_000 ? rng.int(5_000, 20_000) : context + rng.int(1_000, 8_000)
    u.inputTokens += rng.int(5, 4_000)
    u.outputTokens += rng.int(20, 3_000)
    u.cacheCreationTokens += anthropic ? rng.int(0, 5_000) : 0
    u.thinkingTokens += rng.chance(0.4) ? rng.int(1, 2_000) : 0
  }
  return u
}

/** A `<uuid>.settings.json` stamped with its last write (the engine dates the total by the file's mtime). */
function writeSettings(path: string, text: string, mtimeMs: number, stats: CorpusStats): void {
  writeTextFile(path, text, stats)
  const t = new Date(mtimeMs)
  utimesSync(path, t, t)
}

/** The transcript beside the settings: messages without token counts (never a source file). */
function transcript(rng: Rng, filler: Filler, sessionId: string, cwd: string, startedAt: number): string {
  const lines = [JSON.stringify({ type: 'session_start', id: sessionId, title: filler.text(rng, 30), cwd })]
  for (let i = rng.int(1, 6); i > 0; i--) {
    const role = i % 2 === 0 ? 'assistant' : 'user'
    lines.push(JSON.stringify({ type: 'message', id: rng.uuid(), timestamp: iso(startedAt + i), message: { role, content: [{ type: 'text', text: filler.text(rng, rng.int(20, 400)) }] } }))
  }
  return lines.join('\n') + '\n'
}

/**
 * Writes Factory Droid sessions under `<dir>/.factory/sessions/` (per-project folders, some flat legacy
 * ones) holding exactly `requests` sessions with usage (agent-formats.md §7). Each `tokenUsage` is the
 * session's RUNNING total over many requests, dated by the file's mtime (its last request; the lock
 * timestamp is the session start). Noise: a moved project's identical copy of a session in a second
 * folder, sessions without `tokenUsage` or with all-zero usage, and a file torn mid-rewrite.
 */
export function generateDroid(opts: AgentCorpusOptions): ProviderCorpus {
  const rng = createRng(opts.seed)
  const filler = createFiller(rng, 1 << 14)
  const expected = emptyTotals()
  const stats = emptyStats()
  const root = join(opts.dir, '.factory', 'sessions')
  for (let i = 0; i < opts.requests; i++) {
    const model = rng.pick(MODELS)
    const project = rng.pick(PROJECTS)
    const folder = rng.chance(0.1) ? '' : `-home-dev-code-${project}`
    const clock: Clock = { ts: sessionStart(rng, opts.startMs, opts.days) }
    const startedAt = clock.ts
    const sessionId = rng.uuid()
    const u = runningTotal(rng, clock, rng.int(1, 40), !model.startsWith('gpt') && !model.startsWith('glm'))
    const lastActive = clock.ts
    assertSameDay(startedAt, lastActive)
    const text = droidSettings(model, iso(startedAt), u)
    writeSettings(join(root, folder, `${sessionId}.settings.json`), text, lastActive, stats)
    writeTextFile(join(root, folder, `${sessionId}.jsonl`), transcript(rng, filler, sessionId, `/home/dev/code/${project}`, startedAt), stats)
    addRequest(expected, lastActive, model, {
      input: u.inputTokens, output: u.outputTokens + u.thinkingTokens, cacheRead: u.cacheReadTokens,
      cacheWrite5m: u.cacheCreationTokens, cacheWrite1h: 0, reasoning: u.thinkingTokens,
    })
    if (i === 0 || rng.chance(0.03)) {
      // A moved project: the same session (same id, total and mtime) under the old folder name too.
      writeSettings(join(root, `-home-dev-old-${project}`, `${sessionId}.settings.json`), text, lastActive, stats)
      stats.duplicateLines++
    }
    // Sessions 1-3 carry one noise file each, so even a small corpus has every case.
    const noise = NOISE[i - 1] ?? (rng.chance(0.04) ? rng.pick(NOISE) : undefined)
    if (noise !== undefined) writeNoise(rng, noise, join(root, folder), model, startedAt, text, stats)
  }
  return { expected, stats }
}

function writeNoise(rng: Rng, noise: (typeof NOISE)[number], dir: string, model: string, startedAt: number, text: string, stats: CorpusStats): void {
  const path = join(dir, `${rng.uuid()}.settings.json`)
  const zero = { inputTokens: 0, outputTokens: 0, cacheCreationTokens: 0, cacheReadTokens: 0, thinkingTokens: 0 }
  if (noise === 'no-usage') {
    const doc = JSON.parse(droidSettings(model, iso(startedAt), zero)) as Record<string, unknown>
    const unused = Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'tokenUsage'))
    writeSettings(path, JSON.stringify(unused, null, 2) + '\n', startedAt + 60_000, stats)
  } else if (noise === 'zero') {
    writeSettings(path, droidSettings(model, iso(startedAt), zero), startedAt + 60_000, stats)
  } else {
    writeSettings(path, text.slice(0, Math.floor(text.length / 2)), startedAt + 60_000, stats)
    stats.malformedLines++
  }
}
