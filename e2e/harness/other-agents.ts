import { mkdirSync } from 'node:fs'
import { mkdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ProviderId } from '../../common/providers.ts'
import type { Rng } from '../../engine/demo/rng.ts'
import { OpencodeTestDb, tok, type Tokens } from '../../adapters/opencode/test-db.ts'
import {
  ampThread,
  cursorCsv,
  droidSettings,
  geminiMetadata,
  geminiReplyLine,
  geminiTouched,
  geminiUserLine,
  type AmpRequest,
  type CursorRow,
  type DroidUsage,
  type GeminiTokens,
} from './agent-lines.ts'
import { dayInstants } from './day-instants.ts'

const DAY = 24 * 3_600_000

export type OtherAgent = Exclude<ProviderId, 'claude' | 'codex'>

/** Where each agent's files went: the source folder the engine lists for it (default paths, empty env). */
export type OtherAgentLocations = Record<OtherAgent, string>

/**
 * Writes Gemini CLI, Factory Droid, Amp, OpenCode and Cursor usage into `home`, each agent with some usage
 * today (so every one is in this month's report even on the 1st) and some on earlier days. Amounts are
 * fixed and distinct per agent, so a figure shown under the wrong agent cannot match by chance.
 */
export async function writeOtherAgents(home: string, now: Date, rng: Rng): Promise<OtherAgentLocations> {
  return {
    gemini: await writeGemini(home, now, rng),
    droid: await writeDroid(home, now, rng),
    amp: await writeAmp(home, now, rng),
    opencode: writeOpencode(home, now),
    cursor: await writeCursor(home, now),
  }
}

const GEMINI_DAYS: ReadonlyArray<{ daysAgo: number; replies: ReadonlyArray<{ model: string; tokens: GeminiTokens }> }> = [
  { daysAgo: 3, replies: [{ model: 'gemini-2.5-pro', tokens: { input: 18_400, cached: 12_000, output: 940, thoughts: 310 } }] },
  {
    daysAgo: 1,
    replies: [
      { model: 'gemini-2.5-pro', tokens: { input: 22_150, cached: 16_384, output: 1_275, thoughts: 0 } },
      { model: 'gemini-2.5-flash', tokens: { input: 7_730, cached: 0, output: 415, thoughts: 120 } },
    ],
  },
  {
    daysAgo: 0,
    replies: [
      { model: 'gemini-2.5-pro', tokens: { input: 31_020, cached: 24_576, output: 2_210, thoughts: 860 } },
      { model: 'gemini-2.5-flash', tokens: { input: 9_310, cached: 4_096, output: 388, thoughts: 0 } },
    ],
  },
]

/** One JSONL recording per day under `~/.gemini/tmp/<project slug>/chats/`, cached tokens inside input. */
async function writeGemini(home: string, now: Date, rng: Rng): Promise<string> {
  const root = join(home, '.gemini', 'tmp')
  const chats = join(root, 'mobile-app', 'chats')
  await mkdir(chats, { recursive: true })
  for (const day of GEMINI_DAYS) {
    const instants = dayInstants(now, day.daysAgo, day.replies.length)
    const first = instants[0]!
    const sessionId = rng.uuid()
    const started = new Date(first.getTime() - 20_000).toISOString()
    const lines = [geminiMetadata(sessionId, started)]
    day.replies.forEach((reply, i) => {
      const at = instants[i]!
      lines.push(geminiUserLine(rng.uuid(), new Date(at.getTime() - 9_000).toISOString()))
      lines.push(geminiReplyLine(rng.uuid(), at.toISOString(), reply.model, reply.tokens))
      lines.push(geminiTouched(new Date(at.getTime() + 1).toISOString()))
    })
    const stamp = started.slice(0, 16).replaceAll(':', '-')
    await writeFile(join(chats, `session-${stamp}-${sessionId.slice(0, 8)}.jsonl`), `${lines.join('\n')}\n`)
  }
  return root
}

/** Droid's fields in order: input, output, cache creation, cache read, thinking (disjoint buckets). */
const droidUsage = (i: number, o: number, cw: number, cr: number, th: number): DroidUsage => ({
  inputTokens: i,
  outputTokens: o,
  cacheCreationTokens: cw,
  cacheReadTokens: cr,
  thinkingTokens: th,
})

const DROID_SESSIONS: ReadonlyArray<{ daysAgo: number; model: string; usage: DroidUsage }> = [
  { daysAgo: 2, model: 'claude-sonnet-4-5-20250929', usage: droidUsage(17_650, 2_980, 1_200, 96_500, 0) },
  { daysAgo: 1, model: 'gpt-5-codex', usage: droidUsage(26_800, 4_110, 0, 71_680, 2_300) },
  { daysAgo: 0, model: 'claude-sonnet-4-5-20250929', usage: droidUsage(41_300, 6_720, 3_900, 212_000, 1_450) },
]

/**
 * Per-project `~/.factory/sessions/<encoded cwd>/<uuid>.settings.json`. Droid rewrites the file's running
 * total in place and records no time per request, so the engine dates a session by the file's mtime: set
 * it to the session's last activity, with the session start (`providerLockTimestamp`) a day earlier.
 */
async function writeDroid(home: string, now: Date, rng: Rng): Promise<string> {
  const root = join(home, '.factory', 'sessions')
  const dir = join(root, '-home-dev-code-mobile')
  await mkdir(dir, { recursive: true })
  for (const session of DROID_SESSIONS) {
    const lastActive = dayInstants(now, session.daysAgo, 1)[0]!
    const started = new Date(lastActive.getTime() - DAY).toISOString()
    const file = join(dir, `${rng.uuid()}.settings.json`)
    await writeFile(file, droidSettings(session.model, started, session.usage))
    await utimes(file, lastActive, lastActive)
  }
  return root
}

type AmpAmounts = Omit<AmpRequest, 'at'>

const AMP_THREADS: ReadonlyArray<{ daysAgo: number; cwd: string; requests: readonly AmpAmounts[] }> = [
  {
    daysAgo: 2,
    cwd: '/home/dev/code/docs-site',
    requests: [
      { model: 'claude-sonnet-4-5-20250929', input: 9, output: 287, cacheWrite: 6_150, cacheRead: 22_400 },
      { model: 'claude-sonnet-4-5-20250929', input: 11, output: 1_046, cacheWrite: 820, cacheRead: 28_370 },
    ],
  },
  {
    daysAgo: 0,
    cwd: '/home/dev/code/docs-site',
    requests: [
      { model: 'claude-sonnet-4-5-20250929', input: 7, output: 655, cacheWrite: 2_480, cacheRead: 31_200 },
      { model: 'claude-haiku-4-5-20251001', input: 1_240, output: 96, cacheWrite: 0, cacheRead: 0 },
    ],
  },
]

/** Threads `~/.local/share/amp/threads/T-<uuid>.json`, usage on the assistant messages. */
async function writeAmp(home: string, now: Date, rng: Rng): Promise<string> {
  const root = join(home, '.local', 'share', 'amp', 'threads')
  await mkdir(root, { recursive: true })
  for (const t of AMP_THREADS) {
    const instants = dayInstants(now, t.daysAgo, t.requests.length)
    const requests = t.requests.map((r, i): AmpRequest => ({ ...r, at: instants[i]! }))
    const id = `T-${rng.uuid()}`
    await writeFile(join(root, `${id}.json`), ampThread(id, new Date(instants[0]!.getTime() - 30_000), t.cwd, requests))
  }
  return root
}

/** OpenCode step-finish parts (tokens as stored, cost as OpenCode priced the step). */
const OPENCODE_TODAY_STEPS: ReadonlyArray<{ tokens: Tokens; cost: number }> = [
  { tokens: tok(5, 140, 0, 14_200, 1_800), cost: 0.0141 },
  { tokens: tok(3, 95, 0, 15_900, 420), cost: 0.0068 },
  { tokens: tok(6, 430, 0, 16_300, 0), cost: 0.0114 },
]
const OPENCODE_YESTERDAY_STEP = { tokens: tok(8, 215, 0, 13_050, 640), cost: 0.0079 }

/**
 * `~/.local/share/opencode/opencode.db` in OpenCode's real schema: yesterday a one-step message, today a
 * three-step tool loop whose message row holds only the LAST step's tokens with the SUM of step costs, as
 * OpenCode stores it. Each step-finish part is one request.
 */
function writeOpencode(home: string, now: Date): string {
  const root = join(home, '.local', 'share', 'opencode')
  // Synchronous: better-sqlite3 is, and the database must be complete before the engine starts.
  mkdirSync(root, { recursive: true })
  const db = new OpencodeTestDb(join(root, 'opencode.db'))
  try {
    // OpenCode dates a message by its creation; step parts follow it by a few seconds each.
    const yesterday = dayInstants(now, 1, 1)[0]!.getTime()
    const s1 = db.session(yesterday - 10_000, 'Add offline mode')
    const u1 = db.user(s1, yesterday - 5_000)
    const step = OPENCODE_YESTERDAY_STEP
    const m1 = db.assistant(s1, u1, { created: yesterday, completed: yesterday + 20_000, cost: step.cost, tokens: step.tokens })
    db.stepStart(m1, s1, yesterday + 1_000)
    db.stepFinish(m1, s1, yesterday + 20_000, step.cost, step.tokens)

    const today = dayInstants(now, 0, 1)[0]!.getTime()
    const s2 = db.session(today - 10_000, 'Fix the flaky sync test')
    const u2 = db.user(s2, today - 5_000)
    const steps = OPENCODE_TODAY_STEPS
    const summed = steps.reduce((sum, s) => sum + s.cost, 0)
    const m2 = db.assistant(s2, u2, { created: today, completed: today + steps.length * 10_000, cost: summed, tokens: steps.at(-1)!.tokens })
    steps.forEach((s, i) => {
      db.stepStart(m2, s2, today + i * 10_000 + 1_000)
      db.stepFinish(m2, s2, today + (i + 1) * 10_000, s.cost, s.tokens)
    })
  } finally {
    db.close()
  }
  return root
}

const CURSOR_ROWS: ReadonlyArray<{ daysAgo: number } & Omit<CursorRow, 'at'>> = [
  { daysAgo: 4, model: 'claude-4.5-sonnet', kind: 'On-Demand', inputWithCacheWrite: 1_150, inputWithoutCacheWrite: 95, cacheRead: 52_300, output: 870, cost: '0.18' },
  { daysAgo: 1, model: 'gpt-5', kind: 'Included', inputWithCacheWrite: 0, inputWithoutCacheWrite: 5_400, cacheRead: 38_900, output: 3_310, cost: '0.09' },
  { daysAgo: 0, model: 'claude-4.5-sonnet', kind: 'On-Demand', inputWithCacheWrite: 2_300, inputWithoutCacheWrite: 180, cacheRead: 61_000, output: 1_940, cost: '0.31' },
  { daysAgo: 0, model: 'auto', kind: 'Included', inputWithCacheWrite: 0, inputWithoutCacheWrite: 3_120, cacheRead: 44_800, output: 2_560, cost: '0.06' },
]

/** A dashboard export dropped into TokenLedger's watched import folder `~/.tokenledger/imports/cursor`. */
async function writeCursor(home: string, now: Date): Promise<string> {
  const root = join(home, '.tokenledger', 'imports', 'cursor')
  await mkdir(root, { recursive: true })
  // Rows of one day get that day's instants in order.
  const rows = CURSOR_ROWS.map(({ daysAgo, ...r }, i): CursorRow => {
    const sameDay = CURSOR_ROWS.filter((o) => o.daysAgo === daysAgo)
    const nth = CURSOR_ROWS.slice(0, i).filter((o) => o.daysAgo === daysAgo).length
    return { ...r, at: dayInstants(now, daysAgo, sameDay.length)[nth]! }
  })
  await writeFile(join(root, `cursor-usage-${now.toISOString().slice(0, 10)}.csv`), cursorCsv(rows))
  return root
}
