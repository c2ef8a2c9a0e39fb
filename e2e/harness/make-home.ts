import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ProviderId } from '../../common/providers.ts'
import { createRng, type Rng } from '../../engine/demo/rng.ts'
import { dayInstants } from './day-instants.ts'
import {
  claudeAssistantLine,
  claudeUserLine,
  codexSessionMeta,
  codexTokenCount,
  codexTurnContext,
  codexUserMessage,
  type ClaudeRequest,
  type ClaudeUsage,
  type CodexUsage,
} from './log-lines.ts'
import { writeOtherAgents } from './other-agents.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** What the generator wrote, so tests can append to a live log. */
export interface FixtureHome {
  readonly home: string
  /** Today's Claude Code transcript (the one a running session would be appending to). */
  readonly claudeTodayLog: string
  readonly claudeTodaySessionId: string
  readonly claudeTodayCwd: string
  /** Per agent written, the source folder its files are under, as the engine lists it in its sources. */
  readonly locations: Partial<Record<ProviderId, string>>
}

export interface MakeHomeOptions {
  /**
   * Also write Gemini CLI, Factory Droid, Amp, OpenCode and Cursor usage (other-agents.ts). On by default;
   * `false` writes only Claude Code and Codex (smaller homes for tests that need no more).
   */
  readonly allAgents?: boolean | undefined
}

const CLAUDE_PROJECTS = [
  { dir: '-home-dev-code-webapp', cwd: '/home/dev/code/webapp' },
  { dir: '-home-dev-code-infra', cwd: '/home/dev/code/infra' },
] as const

const CODEX_CWD = '/home/dev/code/api-server'

/**
 * Writes a combined Claude Code + Codex CLI home into `home` with 30 days of usage ending at `now`
 * (UTC days): Claude on two projects and two priced models plus one model no price list knows, Codex
 * rollouts with cumulative token counts, a re-emitted count, and live quota windows today; and (unless
 * `allAgents` is false) every other supported agent, dated today and the last few days.
 */
export async function makeHome(home: string, now: Date, seed = 7, options: MakeHomeOptions = {}): Promise<FixtureHome> {
  const rng = createRng(seed)
  const rand = (): number => rng.next()
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1))
  let today: Omit<FixtureHome, 'locations'> | null = null

  for (let daysAgo = 29; daysAgo >= 0; daysAgo--) {
    // Some quiet days, so the chart has gaps like real usage.
    if (daysAgo % 4 === 3) continue
    const project = CLAUDE_PROJECTS[daysAgo % 2]!
    const sessionId = rng.uuid()
    const dir = join(home, '.claude', 'projects', project.dir)
    await mkdir(dir, { recursive: true })
    const file = join(dir, `${sessionId}.jsonl`)
    const lines: string[] = []
    const instants = dayInstants(now, daysAgo, int(2, 5))
    instants.forEach((at, i) => {
      const model = daysAgo === 0 && i === 1 ? 'claude-nimbus-9-preview' : i % 3 === 2 ? 'claude-haiku-4-5-20251001' : 'claude-sonnet-4-5-20250929'
      const usage: ClaudeUsage = {
        input: int(5, 400),
        output: int(200, 4_000),
        cacheRead: int(10_000, 90_000),
        cacheWrite5m: int(0, 500),
        cacheWrite1h: int(500, 6_000),
      }
      const request: ClaudeRequest = {
        timestamp: at.toISOString(),
        sessionId,
        cwd: project.cwd,
        model,
        messageId: `msg_01${rng.uuid().replaceAll('-', '').slice(0, 22)}`,
        requestId: `req_011${rng.uuid().replaceAll('-', '').slice(0, 21)}`,
        uuid: rng.uuid(),
        usage,
      }
      lines.push(claudeUserLine({ ...request, timestamp: new Date(at.getTime() - 2_000).toISOString() }))
      // The first request of each day is streamed as two blocks: an early copy with partial output,
      // then the final one. The ledger must count it once, with the final output.
      if (i === 0) {
        lines.push(claudeAssistantLine({ ...request, uuid: rng.uuid(), usage: { ...usage, output: Math.floor(usage.output / 4) } }))
      }
      lines.push(claudeAssistantLine(request))
    })
    await writeFile(file, `${lines.join('\n')}\n`)
    if (daysAgo === 0) today = { home, claudeTodayLog: file, claudeTodaySessionId: sessionId, claudeTodayCwd: project.cwd }

    if (daysAgo % 2 === 0) await writeCodexSession(home, now, daysAgo, rng, int)
  }
  if (today === null) throw new Error('generator wrote no session for today')
  const locations = { claude: join(home, '.claude', 'projects'), codex: join(home, '.codex', 'sessions') }
  // A separate generator, so the Claude and Codex files stay byte-identical with or without the others.
  const others = options.allAgents !== false ? await writeOtherAgents(home, now, createRng(seed + 1)) : {}
  return { ...today, locations: { ...locations, ...others } }
}

async function writeCodexSession(
  home: string,
  now: Date,
  daysAgo: number,
  rng: Rng,
  int: (min: number, max: number) => number,
): Promise<void> {
  const rand = (): number => rng.next()
  const instants = dayInstants(now, daysAgo, int(2, 4))
  const first = instants[0]!
  const id = rng.uuid()
  const stamp = first.toISOString().slice(0, 19).replaceAll(':', '-')
  // Codex names folders by local date; the engine runs in UTC here, and dates come from line timestamps anyway.
  const dir = join(home, '.codex', 'sessions', stamp.slice(0, 4), stamp.slice(5, 7), stamp.slice(8, 10))
  await mkdir(dir, { recursive: true })
  const model = daysAgo % 6 === 0 ? 'gpt-5' : 'gpt-5-codex'
  const earlier = (at: Date, ms: number): string => new Date(at.getTime() - ms).toISOString()
  const lines = [codexSessionMeta(earlier(first, 5_000), id, CODEX_CWD), codexTurnContext(earlier(first, 4_000), CODEX_CWD, model)]
  // Quota windows: past days' readings reset long ago (the popover must hide them); today's windows
  // reset 2 h 13 min and 3 days 5 h after `now`, so they are live whenever the test looks.
  const limitsAt = (at: Date) => {
    const base = daysAgo === 0 ? now.getTime() : at.getTime()
    return {
      primary: { used_percent: 42, window_minutes: 300, resets_at: Math.floor((base + 2 * HOUR + 13 * MINUTE) / 1000) },
      secondary: { used_percent: 18, window_minutes: 10_080, resets_at: Math.floor((base + 3 * DAY + 5 * HOUR) / 1000) },
    }
  }
  const total = { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0, total_tokens: 0 }
  lines.push(codexTokenCount(earlier(first, 3_000), null, null, limitsAt(first)))
  let previous: CodexUsage | null = null
  for (const at of instants) {
    const input = int(8_000, 60_000)
    const output = int(300, 6_000)
    const last: CodexUsage = {
      input_tokens: input,
      cached_input_tokens: Math.floor(input * (0.5 + rand() * 0.4)),
      output_tokens: output,
      reasoning_output_tokens: Math.floor(output * rand() * 0.6),
      total_tokens: input + output,
    }
    total.input_tokens += last.input_tokens
    total.cached_input_tokens += last.cached_input_tokens
    total.output_tokens += last.output_tokens
    total.reasoning_output_tokens += last.reasoning_output_tokens
    total.total_tokens += last.total_tokens
    lines.push(codexUserMessage(earlier(at, 2_000)))
    lines.push(codexTokenCount(at.toISOString(), { ...total }, last, limitsAt(at)))
    previous = last
  }
  // Codex re-emits the last count with a fresh timestamp (UI refresh): not a new request.
  const lastAt = instants.at(-1)!
  lines.push(codexTokenCount(new Date(Math.min(lastAt.getTime() + 1_000, now.getTime())).toISOString(), { ...total }, previous, limitsAt(lastAt)))
  await writeFile(join(dir, `rollout-${stamp}-${id}.jsonl`), `${lines.join('\n')}\n`)
}

/**
 * Appends one finished Claude Code request to today's transcript, as a running session would: a user
 * line and the assistant line carrying usage.
 */
export async function appendClaudeRequest(fixture: FixtureHome, at: Date, usage: ClaudeUsage, id: string): Promise<void> {
  const request: ClaudeRequest = {
    timestamp: at.toISOString(),
    sessionId: fixture.claudeTodaySessionId,
    cwd: fixture.claudeTodayCwd,
    model: 'claude-sonnet-4-5-20250929',
    messageId: `msg_01appended${id}`,
    requestId: `req_011appended${id}`,
    uuid: `appended-${id}`,
    usage,
  }
  await appendFile(fixture.claudeTodayLog, `${claudeUserLine(request)}\n${claudeAssistantLine(request)}\n`)
}

if (import.meta.main) {
  const target = process.argv[2]
  if (target === undefined) throw new Error('usage: node e2e/harness/make-home.ts <dir> [--all-agents]')
  const written = await makeHome(target, new Date(), 7, { allAgents: !process.argv.includes('--claude-codex-only') })
  console.log(`wrote fixture home into ${written.home}`)
}
