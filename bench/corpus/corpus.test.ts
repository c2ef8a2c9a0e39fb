import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateHome, OTHER_AGENTS, type GeneratedHome } from './index.ts'
import { generateOtherAgents } from './other-agents.ts'
import { readWithEngine } from './test-reread.ts'

/**
 * The corpus' promise is its expected totals, so they are checked against a tiny reader written here
 * from agent-formats.md §3.5–3.6 and §4.4, sharing no code with the generators.
 */
const OPTS = { claudeRequests: 200, codexRequests: 100, seed: 7, startMs: Date.UTC(2026, 4, 1), days: 10 }
const dirs: string[] = []
function generate(seed = OPTS.seed): { dir: string; home: GeneratedHome } {
  const dir = mkdtempSync(join(tmpdir(), 'tl-corpus-'))
  dirs.push(dir)
  return { dir, home: generateHome({ ...OPTS, seed, dir }) }
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

function digest(dir: string): string {
  const h = createHash('sha256')
  for (const f of files(dir)) h.update(relative(dir, f)).update(readFileSync(f))
  return h.digest('hex')
}

type Sums = { requests: number; input: number; output: number; cacheRead: number; cacheWrite5m: number; cacheWrite1h: number; reasoning: number }
const zero = (): Sums => ({ requests: 0, input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 })
const num = (v: unknown): number => (typeof v === 'number' ? v : 0)
const parse = (line: string): unknown => {
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}
/** Reads a nested field of untyped JSON; undefined when any step is missing. */
const at = (v: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined), v)
const lines = (dir: string, sub: string): string[] =>
  files(join(dir, sub)).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(f, 'utf8').split('\n').slice(0, -1))

function countClaude(dir: string): { sums: Sums; usageLines: number; badLines: number } {
  const byKey = new Map<string, Sums & { msg: string; sidechain: boolean }>()
  let usageLines = 0
  let badLines = 0
  for (const line of lines(dir, '.claude/projects')) {
    const o = parse(line)
    badLines += typeof o === 'object' && o !== null ? 0 : 1
    const u = at(o, 'type') === 'assistant' ? at(o, 'message', 'usage') : undefined
    if (typeof u !== 'object' || u === null) continue
    usageLines++
    const cc = at(u, 'cache_creation')
    const t = {
      requests: 1, input: num(at(u, 'input_tokens')), output: num(at(u, 'output_tokens')), cacheRead: num(at(u, 'cache_read_input_tokens')),
      cacheWrite5m: cc ? num(at(cc, 'ephemeral_5m_input_tokens')) : num(at(u, 'cache_creation_input_tokens')),
      cacheWrite1h: cc ? num(at(cc, 'ephemeral_1h_input_tokens')) : 0, reasoning: 0,
    }
    if (t.input + t.output + t.cacheRead + t.cacheWrite5m + t.cacheWrite1h === 0) continue
    const msg = String(at(o, 'message', 'id'))
    const key = `${msg}|${String(at(o, 'requestId'))}`
    const prev = byKey.get(key)
    const merged = { ...t, msg, sidechain: at(o, 'isSidechain') === true }
    for (const k of ['input', 'output', 'cacheRead', 'cacheWrite5m', 'cacheWrite1h'] as const) merged[k] = Math.max(t[k], prev?.[k] ?? 0)
    byKey.set(key, merged)
  }
  const requestsPerMsg = new Map<string, number>()
  for (const r of byKey.values()) requestsPerMsg.set(r.msg, (requestsPerMsg.get(r.msg) ?? 0) + 1)
  const sums = zero()
  for (const r of byKey.values()) {
    const replay = r.sidechain && (requestsPerMsg.get(r.msg) ?? 0) > 1
    for (const k of Object.keys(sums) as Array<keyof Sums>) sums[k] += replay ? 0 : r[k]
  }
  return { sums, usageLines, badLines }
}

function countCodex(dir: string): { sums: Sums; tokenCountLines: number } {
  const sums = zero()
  let tokenCountLines = 0
  for (const f of files(join(dir, '.codex/sessions'))) {
    let prev = ''
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      const info = at(parse(line), 'payload', 'info')
      if (typeof info !== 'object' || info === null) continue
      tokenCountLines++
      const total = JSON.stringify(at(info, 'total_token_usage'))
      const fresh = total === prev ? 0 : 1
      const last = (k: string): number => fresh * num(at(info, 'last_token_usage', k))
      sums.requests += fresh
      sums.input += last('input_tokens') - last('cached_input_tokens')
      sums.cacheRead += last('cached_input_tokens')
      sums.output += last('output_tokens')
      sums.reasoning += last('reasoning_output_tokens')
      prev = total
    }
  }
  return { sums, tokenCountLines }
}

const flat = (e: GeneratedHome['claude']['expected']): Sums => ({ requests: e.requests, ...e.tokens })

describe('generateHome', () => {
  const a = generate()
  const b = generate()

  it('writes byte-identical files for the same seed', () => {
    expect(digest(a.dir)).toBe(digest(b.dir))
    expect(b.home).toEqual(a.home)
  })

  it('writes different files for another seed', () => {
    expect(digest(generate(8).dir)).not.toBe(digest(a.dir))
  })

  it('returns the requested number of billable requests (a tenth of Claude\'s for each other agent)', () => {
    const requests = Object.fromEntries(Object.entries(a.home).map(([agent, c]) => [agent, c.expected.requests]))
    expect(requests).toEqual({ claude: 200, codex: 100, gemini: 20, opencode: 20, droid: 20, amp: 20, cursor: 20 })
  })

  it('writes no other agent when asked not to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-corpus-'))
    dirs.push(dir)
    const home = generateHome({ ...OPTS, claudeRequests: 10, codexRequests: 0, otherAgents: false, dir })
    expect([readdirSync(dir), OTHER_AGENTS.map((agent) => home[agent].expected.requests)]).toEqual([['.claude'], [0, 0, 0, 0, 0]])
  })

  it('returns Claude totals equal to an independent dedupe of the files', () => {
    expect(countClaude(a.dir).sums).toEqual(flat(a.home.claude.expected))
  })

  it('returns Codex totals equal to an independent re-emit-aware read of the files', () => {
    expect(countCodex(a.dir).sums).toEqual(flat(a.home.codex.expected))
  })

  it('contains the noise a reader must survive', () => {
    const claude = countClaude(a.dir)
    expect(claude.usageLines).toBeGreaterThan(250)
    expect(claude.badLines).toBeGreaterThan(0)
    expect(countCodex(a.dir).tokenCountLines).toBeGreaterThan(110)
    expect(files(a.dir).filter((f) => /subagents\/agent-[0-9a-f]+\.jsonl$/.test(f)).length).toBeGreaterThan(0)
    expect(files(a.dir).filter((f) => /\.codex\/sessions\/\d{4}\/\d\d\/\d\d\/rollout-[\dT-]+-[0-9a-f-]{36}\.jsonl$/.test(f)).length).toBeGreaterThan(0)
  })

  it('keeps per-day totals consistent with the grand total', () => {
    const days = Object.values(a.home.claude.expected.byDay)
    expect(days.reduce((s, d) => s + d.tokens.cacheRead, 0)).toBe(a.home.claude.expected.tokens.cacheRead)
    expect(Object.values(a.home.codex.expected.byModel).reduce((s, d) => s + d.requests, 0)).toBe(100)
  })
})

/**
 * The other agents' expected totals against the REAL engine's reading of the files (adapters, ledger
 * dedupe and running-total baselines; their formats are pinned by the adapters' fixtures), so what is
 * checked here is the generators' arithmetic, per provider and per UTC day.
 */
describe('generateOtherAgents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-corpus-others-'))
  dirs.push(dir)
  const home = generateOtherAgents({ dir, requests: 120, seed: 11, startMs: Date.UTC(2026, 4, 1), days: 10 })
  const read = readWithEngine(dir)

  it.each(OTHER_AGENTS)('%s: returns 120 billable units, equal to the engine\'s read of the files (total and per day)', (agent) => {
    const e = home[agent].expected
    expect(e.requests).toBe(120)
    expect(read[agent]).toMatchObject({ requests: e.requests, tokens: e.tokens, byDay: e.byDay })
  })

  it.each([
    ['gemini', ['malformed-json', 'no-tokens', 'repeated']],
    ['opencode', ['aborted']],
    ['droid', ['malformed-json', 'no-usage', 'zero-tokens']],
    ['amp', ['malformed-json', 'zero-tokens']],
    ['cursor', ['zero-tokens']],
  ] as const)('%s: holds copies to merge and records the engine counts as skips (%j)', (agent, reasons) => {
    expect(home[agent].stats.duplicateLines).toBeGreaterThan(0)
    expect(read[agent]?.skipReasons).toEqual(expect.arrayContaining([...reasons]))
  })

  it('puts no two agents\' files in the same place', () => {
    expect(Object.keys(read).sort()).toEqual([...OTHER_AGENTS].sort())
  })
})
