import { mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { TokenCounts } from '../../common/tokens.ts'
import { OpencodeTestDb, tok, type Tokens } from '../../adapters/opencode/test-db.ts'
import type { AgentCorpusOptions } from './agent-options.ts'
import { addRequest, emptyStats, emptyTotals, type ProviderCorpus } from './expected.ts'
import { createFiller, type Filler } from './filler.ts'
import { createRng, type Rng } from './prng.ts'
import { assertSameDay, sessionStart, tick, type Clock } from './schedule.ts'
import { uniqueInstants, type UniqueInstants } from './unique-instants.ts'

const MODELS: ReadonlyArray<readonly [string, string]> = [
  ['anthropic', 'claude-sonnet-4-5'], ['anthropic', 'claude-sonnet-4-5'], ['anthropic', 'claude-opus-4-5'],
  ['openai', 'gpt-5'], ['opencode', 'grok-code'], ['google', 'gemini-2.5-pro'],
]
const AGENTS = ['build', 'build', 'build', 'plan', 'general']
const PROJECTS = ['api-server', 'web-app', 'infra', 'cli-tools', 'docs-site']
const TITLES = ['Fix the flaky sync test', 'Add offline mode', 'Refactor the auth middleware', 'Explain this stack trace', 'Bump dependencies']

interface Step {
  raw: Tokens
  tokens: TokenCounts
  cost: number
}

interface Session {
  rng: Rng
  filler: Filler
  clock: Clock
  db: OpencodeTestDb
  /** Every id-bearing row gets its own millisecond (see unique-instants.ts and test-db.ts `Ids`). */
  at: UniqueInstants
  id: string
  cwd: string
  /** Builds since early 2026 write `total` and keep reasoning OUT of `output`; older ones had it inside. */
  current: boolean
  context: number
  cost: number
  input: number
  output: number
  /** Step-finish parts and part-less messages: what a fork copies. */
  counted: number
  onRequest(ts: number, model: string, t: TokenCounts): void
}

/** One provider call's `tokens` as OpenCode stores them, and what they mean in TokenLedger's buckets. */
function nextStep(rng: Rng, s: Session): Step {
  const fresh = s.context === 0
  s.context = fresh || s.context > 300_000 ? rng.int(8_000, 30_000) : s.context + rng.int(200, 6_000)
  const read = fresh ? 0 : s.context - rng.int(100, Math.min(6_000, s.context - 1))
  const write = rng.chance(0.5) ? rng.int(1, 6_000) : 0
  const input = rng.int(1, 2_500)
  const output = rng.chance(0.1) ? rng.int(1_000, 8_000) : rng.int(5, 1_200)
  const cost = rng.int(10, 90_000) / 1e6
  if (s.current) {
    const reasoning = rng.chance(0.5) ? rng.int(1, 3_000) : 0
    const raw = tok(input, output, reasoning, read, write, input + output + reasoning + read + write)
    return { raw, cost, tokens: { input, output: output + reasoning, cacheRead: read, cacheWrite5m: write, cacheWrite1h: 0, reasoning } }
  }
  const reasoning = rng.chance(0.4) ? rng.int(0, output) : 0
  return { raw: tok(input, output, reasoning, read, write), cost, tokens: { input, output, cacheRead: read, cacheWrite5m: write, cacheWrite1h: 0, reasoning } }
}

const next = (s: Session, minMs: number, maxMs: number): number => {
  s.clock.ts = s.at.take(tick(s.rng, s.clock, minMs, maxMs))
  return s.clock.ts
}

/**
 * A tool loop of `k` provider calls in one assistant message. Each call ends with a `step-finish` part (one
 * request); the message row keeps only the LAST step's tokens with the SUM of their costs, as OpenCode
 * stores it (agent-formats.md §5.3). Every step is dated by the message's creation.
 */
function writeLoop(s: Session, userId: string, model: readonly [string, string], agent: string, k: number): void {
  const { rng, db, filler } = s
  const created = next(s, 500, 3_000)
  const steps = Array.from({ length: k }, () => nextStep(rng, s))
  const errored = rng.chance(0.01) // a failed call: a zero-token step-finish, not a request
  const parts: Array<() => void> = []
  let msgId = ''
  if (errored) {
    const at = next(s, 200, 2_000)
    parts.push(() => db.stepFinish(msgId, s.id, at, 0, tok(0, 0)))
  }
  steps.forEach((step, i) => {
    const startAt = next(s, 100, 1_500)
    const textAt = next(s, 500, 20_000)
    const text = filler.text(rng, rng.int(20, 800))
    const toolAt = i < k - 1 ? next(s, 100, 1_000) : 0
    const command = filler.text(rng, 40)
    const output = filler.text(rng, rng.int(20, 1_500))
    const callID = `toolu_${rng.b62(24)}`
    const finishAt = next(s, 100, 15_000)
    parts.push(() => {
      db.stepStart(msgId, s.id, startAt)
      db.part(msgId, s.id, textAt, { type: 'text', text, time: { start: textAt, end: textAt } })
      if (toolAt > 0) db.part(msgId, s.id, toolAt, { type: 'tool', callID, tool: 'bash', state: { status: 'completed', input: { command }, output, time: { start: toolAt, end: toolAt } } })
      db.stepFinish(msgId, s.id, finishAt, step.cost, step.raw)
    })
  })
  const cost = steps.reduce((sum, st) => sum + st.cost, 0)
  const last = steps[k - 1]!
  msgId = db.assistant(s.id, userId, { created, completed: s.clock.ts, providerID: model[0], modelID: model[1], agent, cwd: s.cwd, cost, tokens: last.raw })
  for (const write of parts) write()
  for (const st of steps) record(s, created, model, st)
}

function record(s: Session, created: number, model: readonly [string, string], st: Step): void {
  s.cost += st.cost
  s.input += st.tokens.input
  s.output += st.tokens.output
  s.counted++
  s.onRequest(created, `${model[0]}/${model[1]}`, st.tokens)
}

/**
 * Writes `<dir>/.local/share/opencode/opencode.db` in OpenCode's real schema (adapters/opencode/test-db.ts)
 * holding exactly `requests` billable requests: multi-step tool loops, messages without parts (migrated
 * data, counted from their own row), aborted zero-token messages, forked sessions (every row copied under
 * new ids), session rows with running totals (never to be added), current and pre-2026 token semantics.
 */
export function generateOpencode(opts: AgentCorpusOptions): ProviderCorpus {
  const rng = createRng(opts.seed)
  const filler = createFiller(rng, 1 << 15)
  const expected = emptyTotals()
  const stats = emptyStats()
  const dataDir = join(opts.dir, '.local', 'share', 'opencode')
  const path = join(dataDir, 'opencode.db')
  mkdirSync(dataDir, { recursive: true })
  rmSync(path, { force: true })
  const db = new OpencodeTestDb(path, { seed: rng.int(1, 2 ** 30) })
  const at = uniqueInstants()
  db.db.exec('BEGIN')
  try {
    let remaining = opts.requests
    // The first session holds every case (part-less, aborted, forked), so even a small corpus has them.
    for (let index = 0; remaining > 0; index++) {
      const first = index === 0
      const n = Math.min(remaining, rng.int(3, 80))
      const clock: Clock = { ts: at.take(sessionStart(rng, opts.startMs, opts.days)) }
      const startedAt = clock.ts
      const current = rng.chance(0.75)
      const s: Session = {
        rng, filler, clock, db, at, current, context: 0, cost: 0, input: 0, output: 0, counted: 0,
        id: db.session(startedAt, rng.pick(TITLES), current ? '1.4.0' : '1.1.12'),
        cwd: `/home/dev/code/${rng.pick(PROJECTS)}`,
        onRequest: (ts, model, t) => {
          assertSameDay(startedAt, s.clock.ts)
          addRequest(expected, ts, model, t)
        },
      }
      let model = rng.pick(MODELS)
      const agent = rng.pick(AGENTS)
      let left = n
      for (let turn = 0; left > 0; turn++) {
        if (rng.chance(0.1)) model = rng.pick(MODELS)
        const userId = db.user(s.id, next(s, 10_000, 180_000))
        if ((first && turn === 1) || rng.chance(0.02)) {
          // Aborted before its first step finished: zero tokens, nothing billed.
          db.assistant(s.id, userId, { created: next(s, 500, 3_000), providerID: model[0], modelID: model[1], agent, cwd: s.cwd, cost: 0, tokens: tok(0, 0), error: { name: 'MessageAbortedError', data: { message: 'aborted' } } })
        } else if ((first && turn === 0) || rng.chance(0.04)) {
          // Migrated from the legacy store without its parts: counted from the message row itself.
          const created = next(s, 500, 3_000)
          const step = nextStep(rng, s)
          db.assistant(s.id, userId, { created, completed: next(s, 2_000, 30_000), providerID: model[0], modelID: model[1], agent, cwd: s.cwd, cost: step.cost, tokens: step.raw })
          record(s, created, model, step)
          left--
        } else {
          const k = Math.min(left, rng.int(1, 6))
          writeLoop(s, userId, model, agent, k)
          left -= k
        }
      }
      db.setSessionTotals(s.id, s.cost, s.input, s.output)
      if (first || rng.chance(0.04)) {
        db.fork(s.id, next(s, 60_000, 600_000))
        stats.duplicateLines += s.counted
      }
      remaining -= n
    }
    db.db.exec('COMMIT')
    const rows = db.db.prepare('SELECT (SELECT count(*) FROM message) + (SELECT count(*) FROM part) AS n').get() as { n: number }
    stats.lines += rows.n
  } finally {
    db.close()
  }
  stats.files++
  stats.bytes += statSync(path).size
  return { expected, stats }
}
