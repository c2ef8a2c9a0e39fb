import { join } from 'node:path'
import type { TokenCounts } from '../../common/tokens.ts'
import { geminiRecord, metadata, tokens as geminiTokens, touched, type Tokens } from '../../adapters/gemini/test-records.ts'
import type { AgentCorpusOptions } from './agent-options.ts'
import { addRequest, emptyStats, emptyTotals, type ProviderCorpus } from './expected.ts'
import { createFiller, type Filler } from './filler.ts'
import { createRng, type Rng } from './prng.ts'
import { assertSameDay, sessionStart, tick, type Clock } from './schedule.ts'
import { writeTextFile } from './text-file.ts'

const MODELS = ['gemini-2.5-pro', 'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-3-pro-preview', 'gemini-2.5-flash-lite']
const SLUGS = ['web-app', 'api-server', 'mobile-app', 'infra']
const TOOLS = ['read_file', 'run_shell_command', 'replace', 'glob', 'search_file_content']

type Json = Record<string, unknown>

/** A `tmp/<id>` folder: a slug of the project folder, or sha256 of its root on older installs. */
interface Project {
  id: string
  hash: string
}

interface MainSession {
  project: Project
  id: string
}

/** Lines of one file being built, with the noise they hold. */
interface Sink {
  lines: string[]
  duplicates: number
  malformed: number
}

interface Session {
  rng: Rng
  filler: Filler
  clock: Clock
  model: string
  /** Prompt size so far: the conversation grows, most of it served from Gemini's implicit cache. */
  context: number
  /** Every message in its final form, for `$set` checkpoints and a legacy `.json` copy. */
  messages: Json[]
  /** Write a checkpoint and a torn line after the next turn whatever the dice say (then cleared). */
  forceNoise: boolean
  onRequest(ts: number, model: string, t: TokenCounts): void
}

const iso = (ts: number): string => new Date(ts).toISOString()

/** Gemini's `tokens`: `input` INCLUDES `cached`; thoughts and tool-use prompt tokens are disjoint extras. */
function nextTokens(rng: Rng, s: Session): { raw: Tokens; tokens: TokenCounts } {
  const fresh = s.context === 0
  s.context = fresh || s.context > 400_000 ? rng.int(4_000, 25_000) : s.context + rng.int(300, 8_000)
  const input = s.context
  const cached = fresh || rng.chance(0.15) ? 0 : input - rng.int(200, Math.min(12_000, input - 1))
  const output = rng.chance(0.1) ? rng.int(1_500, 8_000) : rng.int(10, 1_500)
  const thoughts = rng.chance(0.6) ? rng.int(20, 6_000) : 0
  const tool = rng.chance(0.1) ? rng.int(40, 2_500) : 0
  const tokens = { input: input - cached + tool, cacheRead: cached, cacheWrite5m: 0, cacheWrite1h: 0, output: output + thoughts, reasoning: thoughts }
  return { raw: geminiTokens(input, output, cached, thoughts, tool), tokens }
}

/**
 * One user turn and `m` model replies (one request each). Every reply is appended as the CLI does: first
 * without usage (`tokens: null`, most of the time), then with it, then again with its tool calls; a
 * `$set` `lastUpdated` patch follows every message.
 */
function writeTurn(s: Session, sink: Sink, m: number): void {
  const { rng, filler, clock } = s
  const userTs = iso(tick(rng, clock, 10_000, 180_000))
  const user = { id: rng.uuid(), timestamp: userTs, type: 'user', content: [{ text: filler.text(rng, rng.int(20, 600)) }] }
  sink.lines.push(JSON.stringify(user), touched(userTs))
  s.messages.push(user)
  for (let i = 0; i < m; i++) {
    const id = rng.uuid()
    const ts = tick(rng, clock, 1_500, 40_000)
    const stamp = iso(ts)
    const { raw, tokens } = nextTokens(rng, s)
    const thoughts = raw.thoughts > 0 ? [{ subject: 'Planning', description: filler.text(rng, rng.int(40, 400)), timestamp: stamp }] : []
    const extra = { model: s.model, content: filler.text(rng, rng.int(20, 1_200)), thoughts }
    if (rng.chance(0.7)) {
      sink.lines.push(JSON.stringify(geminiRecord(id, stamp, null, extra)))
      sink.duplicates++
    }
    let record = geminiRecord(id, stamp, raw, extra)
    sink.lines.push(JSON.stringify(record))
    if (i < m - 1 || rng.chance(0.2)) {
      const call = { id: `${rng.pick(TOOLS)}-${ts}-${rng.hex(12)}`, name: rng.pick(TOOLS), args: { path: filler.text(rng, 30) }, status: 'success', timestamp: stamp, resultDisplay: filler.text(rng, rng.int(20, 2_000)) }
      record = { ...record, toolCalls: [call] }
      sink.lines.push(JSON.stringify(record))
      sink.duplicates++
    }
    sink.lines.push(touched(stamp))
    s.messages.push(record)
    s.onRequest(ts, s.model, tokens)
  }
  if (rng.chance(0.05)) sink.lines.push(JSON.stringify({ id: rng.uuid(), timestamp: iso(clock.ts), type: rng.pick(['info', 'warning', 'error']), content: filler.text(rng, 80) }))
  const force = s.forceNoise
  s.forceNoise = false
  if (force || rng.chance(0.04)) {
    // A history checkpoint: a copy of the whole conversation, same ids and tokens.
    sink.lines.push(JSON.stringify({ $set: { messages: s.messages, lastUpdated: iso(clock.ts) } }))
    sink.duplicates++
  }
  if (rng.chance(0.01)) sink.lines.push(JSON.stringify({ $rewindTo: user.id })) // billed anyway: never applied
  if (force || rng.chance(0.015)) {
    sink.lines.push(`{"id":"${rng.uuid()}","timestamp":"${iso(clock.ts)}","type":"gemini","tokens":{"input":${rng.int(1, 9_999)},"out`)
    sink.malformed++
  }
}

/**
 * Writes Gemini CLI recordings under `<dir>/.gemini/tmp/<project>/chats/` holding exactly `requests`
 * billable requests (agent-formats.md §6): main sessions `session-<YYYY-MM-DDTHH-MM>-<8 hex>.jsonl`,
 * sub-agents `<parentSessionId>/<sessionId>.jsonl`, and resumed legacy sessions (a `.json` left beside a
 * `.jsonl` that starts with a copy of every message). Project folders are slugs or sha256 hex.
 */
export function generateGemini(opts: AgentCorpusOptions): ProviderCorpus {
  const rng = createRng(opts.seed)
  const filler = createFiller(rng, 1 << 15)
  const expected = emptyTotals()
  const stats = emptyStats()
  const projects = [...SLUGS, rng.hex(64), rng.hex(64)].map((id): Project => ({ id, hash: /^[0-9a-f]{64}$/.test(id) ? id : rng.hex(64) }))
  /** The latest main session: a sub-agent session is filed under it. */
  let lastMain: MainSession | null = null
  let remaining = opts.requests
  // The first sessions are a resumed legacy one and a sub-agent with a checkpoint and a torn line, so even
  // a small corpus has every case.
  for (let index = 0; remaining > 0; index++) {
    const n = Math.min(remaining, rng.int(index === 0 ? 4 : 2, 60))
    const sub: MainSession | null = lastMain !== null && (index === 1 || rng.chance(0.1)) ? lastMain : null
    const project: Project = sub?.project ?? rng.pick(projects)
    const parent = sub?.id ?? null
    const sessionId = rng.uuid()
    const clock: Clock = { ts: sessionStart(rng, opts.startMs, opts.days) }
    const startedAt = clock.ts
    const chats = join(opts.dir, '.gemini', 'tmp', project.id, 'chats')
    const legacySplit = parent === null && n >= 4 && (index === 0 || rng.chance(0.06)) ? Math.floor(n / 2) : 0
    const s: Session = {
      rng, filler, clock, model: rng.pick(MODELS), context: 0, messages: [], forceNoise: index === 1,
      onRequest: (ts, model, t) => {
        assertSameDay(startedAt, ts)
        addRequest(expected, ts, model, t)
      },
    }
    const meta = (kind: string): string => metadata(sessionId, { projectHash: project.hash, startTime: iso(startedAt), lastUpdated: iso(startedAt), kind })
    const sink: Sink = { lines: [meta(parent === null ? 'main' : 'subagent')], duplicates: 0, malformed: 0 }
    const stem = `session-${iso(startedAt).slice(0, 16).replace(/:/g, '-')}-${sessionId.slice(0, 8)}`
    let left = n
    if (legacySplit > 0) {
      // The legacy part lived in a whole-file `.json`; resuming copied every message into the new `.jsonl`.
      const scratch: Sink = { lines: [], duplicates: 0, malformed: 0 }
      while (n - left < legacySplit) left -= writeSomeTurns(s, scratch, left)
      const record = { sessionId, projectHash: project.hash, startTime: iso(startedAt), lastUpdated: iso(clock.ts), messages: s.messages }
      writeTextFile(join(chats, `${stem}.json`), JSON.stringify(record, null, 2) + '\n', stats)
      for (const m of s.messages) {
        sink.lines.push(JSON.stringify(m))
        if (m['type'] === 'gemini') sink.duplicates++
      }
    }
    while (left > 0) left -= writeSomeTurns(s, sink, left)
    const path = parent === null ? join(chats, `${stem}.jsonl`) : join(chats, parent, `${sessionId}.jsonl`)
    writeTextFile(path, sink.lines.join('\n') + '\n', stats)
    stats.duplicateLines += sink.duplicates
    stats.malformedLines += sink.malformed
    if (parent === null) lastMain = { project, id: sessionId }
    remaining -= n
  }
  return { expected, stats }
}

function writeSomeTurns(s: Session, sink: Sink, left: number): number {
  if (s.rng.chance(0.1)) s.model = s.rng.pick(MODELS)
  const m = Math.min(left, s.rng.int(1, 6))
  writeTurn(s, sink, m)
  return m
}
