import { join } from 'node:path'
import type { TokenCounts } from '../../common/tokens.ts'
import { event, functionCall, functionOutput, message, reasoning, sessionMeta, tokenCount, turnContext, type CodexUsage, type RateLimits } from './codex-lines.ts'
import { addRequest, emptyStats, emptyTotals, type CorpusStats, type ProviderCorpus } from './expected.ts'
import { createFiller, type Filler } from './filler.ts'
import { openLineWriter, type LineWriter } from './jsonl-writer.ts'
import { createRng, type Rng } from './prng.ts'
import { assertSameDay, sessionStart, tick, type Clock } from './schedule.ts'

export interface CodexCorpusOptions {
  /** Fake HOME: files go to `<dir>/.codex/sessions/YYYY/MM/DD/`. */
  dir: string
  /** Billable requests: token_count events whose cumulative total advanced. */
  requests: number
  seed: number
  startMs: number
  days: number
}

const MODELS = ['gpt-5-codex', 'gpt-5-codex', 'gpt-5', 'gpt-5.1-codex', 'gpt-5.1-codex-mini']
const GARBAGE = ['{"timestamp":"2025-10-01T00:00:00.000Z","type":"event_msg","payload":{"type":"token_co', '}{', 'garbage']

type Json = Record<string, unknown>

interface Session {
  rng: Rng
  filler: Filler
  clock: Clock
  w: LineWriter
  stats: CorpusStats
  total: CodexUsage
  context: number
  limits: RateLimits | null
  emit(obj: Json): void
}

/** The prompt is the whole conversation so far (mostly cached), reset by compaction. */
function nextUsage(rng: Rng, s: Session): { last: CodexUsage; tokens: TokenCounts } {
  const fresh = s.context === 0
  s.context = fresh || s.context > 250_000 ? rng.int(6_000, 30_000) : s.context + rng.int(500, 6_000)
  const prompt = s.context
  const cached = fresh ? 0 : prompt - rng.int(100, Math.min(8_000, prompt - 1))
  const output = rng.chance(0.1) ? rng.int(2_000, 12_000) : rng.int(20, 1_800)
  const reasoningOut = rng.chance(0.7) ? rng.int(0, output) : 0
  const last = { input_tokens: prompt, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoningOut, total_tokens: prompt + output }
  const tokens = { input: prompt - cached, cacheRead: cached, cacheWrite5m: 0, cacheWrite1h: 0, output, reasoning: reasoningOut }
  return { last, tokens }
}

function addUsage(a: CodexUsage, b: CodexUsage): CodexUsage {
  return {
    input_tokens: a.input_tokens + b.input_tokens,
    cached_input_tokens: a.cached_input_tokens + b.cached_input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    reasoning_output_tokens: a.reasoning_output_tokens + b.reasoning_output_tokens,
    total_tokens: a.total_tokens + b.total_tokens,
  }
}

function bumpLimits(s: Session): RateLimits | null {
  if (s.limits === null) return null
  s.limits.primary.used_percent = Math.min(100, s.limits.primary.used_percent + s.rng.int(0, 5) / 10)
  s.limits.secondary.used_percent = Math.min(100, s.limits.secondary.used_percent + s.rng.int(0, 1) / 10)
  return structuredClone(s.limits)
}

/** One request: reasoning, tool call, the advancing token_count (maybe re-emitted), tool output. */
function writeRequest(s: Session, model: string, endsTurn: boolean, onRequest: (ts: number, model: string, t: TokenCounts) => void): void {
  const { rng, filler, clock } = s
  s.emit(reasoning(rng, filler, tick(rng, clock, 500, 8_000)))
  if (rng.chance(0.5)) s.emit(event(clock.ts, { type: 'agent_reasoning', text: filler.text(rng, rng.int(40, 300)) }))
  const callId = 'call_' + rng.b62(24)
  if (!endsTurn) s.emit(functionCall(rng, filler, tick(rng, clock, 50, 500), callId))
  const u = nextUsage(rng, s)
  s.total = addUsage(s.total, u.last)
  const info = { total: s.total, last: u.last }
  const ts = tick(rng, clock, 10, 300)
  s.emit(tokenCount(ts, info, bumpLimits(s)))
  onRequest(ts, model, u.tokens)
  // Codex re-emits the same totals with a fresh timestamp on UI / rate-limit refreshes: not a new request.
  for (let i = rng.chance(0.3) ? rng.int(1, 2) : 0; i > 0; i--) {
    s.emit(tokenCount(tick(rng, clock, 100, 1_500), info, bumpLimits(s)))
    s.stats.duplicateLines++
  }
  if (!endsTurn) s.emit(functionOutput(rng, filler, tick(rng, clock, 200, 10_000), callId))
  else {
    const text = filler.text(rng, rng.int(40, 1_500))
    s.emit(message(tick(rng, clock, 50, 500), 'assistant', text))
    s.emit(event(clock.ts, { type: 'agent_message', message: text }))
  }
}

/**
 * Writes Codex rollouts holding exactly `requests` billable requests (agent-formats.md §4.4) and returns
 * what a correct reader must count.
 */
export function generateCodex(opts: CodexCorpusOptions): ProviderCorpus {
  const rng = createRng(opts.seed)
  const filler = createFiller(rng)
  const expected = emptyTotals()
  const stats = emptyStats()
  let remaining = opts.requests
  while (remaining > 0) {
    const n = Math.min(remaining, rng.int(5, 200))
    const clock: Clock = { ts: sessionStart(rng, opts.startMs, opts.days) }
    const startedAt = clock.ts
    const id = rng.uuid()
    const stamp = new Date(clock.ts).toISOString()
    const name = `rollout-${stamp.slice(0, 19).replace(/:/g, '-')}-${id}.jsonl`
    const w = openLineWriter(join(opts.dir, '.codex', 'sessions', stamp.slice(0, 4), stamp.slice(5, 7), stamp.slice(8, 10), name))
    const resetsAt = Math.floor(clock.ts / 1000)
    const s: Session = {
      rng, filler, clock, w, stats,
      total: { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0, total_tokens: 0 },
      context: 0,
      limits: rng.chance(0.2) ? null : {
        primary: { used_percent: rng.int(0, 400) / 10, window_minutes: 300, resets_at: resetsAt + rng.int(600, 18_000) },
        secondary: { used_percent: rng.int(0, 600) / 10, window_minutes: 10_080, resets_at: resetsAt + rng.int(86_400, 604_800) },
        credits: null,
        plan_type: rng.pick(['plus', 'pro']),
      },
      emit: (obj) => w.line(JSON.stringify(obj)),
    }
    const cwd = `/home/dev/code/${rng.pick(['api-server', 'web-app', 'infra', 'cli-tools'])}`
    s.emit(sessionMeta(rng, filler, clock.ts, id, cwd))
    if (s.limits !== null && rng.chance(0.7)) s.emit(tokenCount(tick(rng, clock, 100, 2_000), null, bumpLimits(s)))
    let model = rng.pick(MODELS)
    const onRequest = (ts: number, m: string, t: TokenCounts): void => {
      assertSameDay(startedAt, ts)
      addRequest(expected, ts, m, t)
    }
    let left = n
    while (left > 0) {
      if (rng.chance(0.15)) model = rng.pick(MODELS)
      s.emit(turnContext(tick(rng, clock, 5_000, 120_000), cwd, model, rng.pick(['low', 'medium', 'high'])))
      const prompt = filler.text(rng, rng.int(30, 1_500))
      s.emit(event(clock.ts, { type: 'user_message', message: prompt, images: [] }))
      s.emit(message(clock.ts, 'user', prompt))
      const m = Math.min(left, rng.int(1, 8))
      for (let i = 0; i < m; i++) writeRequest(s, model, i === m - 1, onRequest)
      s.emit(event(tick(rng, clock, 10, 200), { type: 'task_complete', last_agent_message: null }))
      if (rng.chance(0.02)) {
        w.line(rng.pick(GARBAGE))
        stats.malformedLines++
      }
      left -= m
    }
    w.close()
    stats.files++
    stats.bytes += w.stats.bytes
    stats.lines += w.stats.lines
    remaining -= n
  }
  return { expected, stats }
}
