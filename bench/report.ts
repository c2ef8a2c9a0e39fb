import type { ProviderId } from '../common/providers.ts'
import type { BenchSize } from './args.ts'
import type { GeneratedHome } from './corpus/index.ts'
import type { EngineFigures } from './engine-bench.ts'
import type { RunResult } from './measure.ts'
import type { RefTool, ToolRun } from './reference-tools.ts'
import { signedPct } from './verify.ts'

/** Everything measured for one corpus size; printed as a table and written to results.json. */
export interface SizeResult {
  size: BenchSize
  corpus: {
    bytes: number
    files: number
    /** Billable units per agent: requests; Droid sessions; Cursor export rows. */
    requests: Record<ProviderId, number>
    lines: number
    malformedLines: number
    duplicateLines: number
    /** Claude Code + Codex only: what the reference tools read and are compared with. */
    expectedTokens: number
    reused: boolean
    generateMs: number | null
  }
  engine: EngineFigures | null
  engineError: string | null
  tools: Array<{ tool: RefTool; runs: ToolRun[] }>
}

export const TARGETS = { warmDailyMs: 50, appendP95Ms: 100, peakRssBytes: 200 * 1024 * 1024 }

export const fmtMs = (ms: number | null): string => (ms === null ? '—' : ms < 1_000 ? `${ms.toFixed(0)} ms` : `${(ms / 1_000).toFixed(2)} s`)
export const fmtMb = (b: number | null): string => (b === null ? '—' : `${(b / 1_048_576).toFixed(0)} MB`)
const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US')
const sum = (xs: ReadonlyArray<number | null>): number | null => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0))
const max = (xs: ReadonlyArray<number | null>): number | null => (xs.some((x) => x === null) ? null : Math.max(...(xs as number[])))

/** A tool's figure for one phase, summed over its Claude and Codex runs (TokenLedger reads both in one run). */
export interface ToolPhase {
  wallMs: number
  cpuS: number | null
  peakRssBytes: number | null
  tokens: number | null
  failed: boolean
}

export function toolPhase(runs: readonly ToolRun[], phase: 'cold' | 'warm'): ToolPhase | null {
  const rs = runs.filter((r) => r.phase === phase)
  if (rs.length === 0) return null
  return {
    wallMs: rs.reduce((a, r) => a + r.run.wallMs, 0),
    cpuS: sum(rs.map((r) => r.run.cpuS)),
    peakRssBytes: max(rs.map((r) => r.run.peakRssBytes)),
    tokens: sum(rs.map((r) => r.totalTokens)),
    failed: rs.some((r) => r.run.status !== 0),
  }
}

export function enginePeakRss(e: EngineFigures): number | null {
  return max([e.cold.peakRssBytes, e.warmNoChange.peakRssBytes, e.append.peakRssBytes])
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n')
}

const cpuPer10k = (cpuS: number | null, requests: number): string => (cpuS === null ? '—' : `${((cpuS * 10_000) / requests).toFixed(2)} s`)

export function requestsByProvider(g: GeneratedHome): Record<ProviderId, number> {
  return {
    claude: g.claude.expected.requests, codex: g.codex.expected.requests, cursor: g.cursor.expected.requests,
    droid: g.droid.expected.requests, gemini: g.gemini.expected.requests, opencode: g.opencode.expected.requests, amp: g.amp.expected.requests,
  }
}

/** `1,000 Claude + 250 Codex + 100 Gemini + 100 OpenCode + 100 Amp requests, 100 Droid sessions, 100 Cursor rows`. */
function describeRequests(n: Record<ProviderId, number>): string {
  const parts = [`${fmtInt(n.claude)} Claude`, `${fmtInt(n.codex)} Codex`, `${fmtInt(n.gemini)} Gemini`, `${fmtInt(n.opencode)} OpenCode`, `${fmtInt(n.amp)} Amp`]
  return `${parts.join(' + ')} requests, ${fmtInt(n.droid)} Droid sessions, ${fmtInt(n.cursor)} Cursor rows`
}

export function renderSize(r: SizeResult): string {
  const c = r.corpus
  // TokenLedger reads every agent; the reference tools only Claude Code and Codex.
  const requests = Object.values(c.requests).reduce((a, n) => a + n, 0)
  const refRequests = c.requests.claude + c.requests.codex
  const head =
    `\n== ${r.size.label}: ${describeRequests(c.requests)} · ${fmtMb(c.bytes)} in ${fmtInt(c.files)} files · ` +
    `${fmtInt(c.duplicateLines)} duplicate and ${fmtInt(c.malformedLines)} malformed lines · corpus ${c.reused ? 'reused' : `generated in ${fmtMs(c.generateMs)}`} ==`
  const tools = r.tools.map((t) => ({ t, cold: toolPhase(t.runs, 'cold'), warm: toolPhase(t.runs, 'warm') }))
  const e = r.engine
  const rows: string[][] = [['', 'TokenLedger', ...tools.map(({ t }) => `${t.tool.name} ${t.tool.version}`)]]
  const toolCell = (p: ToolPhase | null, f: (p: ToolPhase) => string): string => (p === null ? '—' : p.failed ? 'failed' : f(p))
  const na = e === null ? '—' : ''
  const s = e === null ? 0 : e.cold.wallMs / 1_000
  const a = e?.append
  rows.push(['cold backfill', e ? fmtMs(e.cold.wallMs) : 'failed', ...tools.map(({ cold }) => toolCell(cold, (p) => fmtMs(p.wallMs)))])
  rows.push(['  throughput', e ? `${fmtInt(requests / s)} req/s, ${(c.bytes / 1_048_576 / s).toFixed(0)} MB/s` : na, ...tools.map(({ cold }) => toolCell(cold, (p) => `${fmtInt(refRequests / (p.wallMs / 1_000))} req/s`))])
  rows.push(['warm, no change (1st run)', e ? fmtMs(e.warmNoChange.wallMs) : na, ...tools.map(({ warm }) => toolCell(warm, (p) => fmtMs(p.wallMs)))])
  rows.push(['warm daily --json (median of 5)', e ? fmtMs(e.warmDailyMedianMs) : na])
  rows.push(['append -> snapshot p50 / p95', a === undefined ? na : a.p50 === null ? 'failed' : `${fmtMs(a.p50)} / ${fmtMs(a.p95)} (max ${fmtMs(a.max)}, n=${a.samples.length})`])
  rows.push(['watch start (warm)', a === undefined ? na : fmtMs(a.startupMs)])
  rows.push(['peak RSS', e ? `${fmtMb(e.cold.peakRssBytes)} (watch ${fmtMb(a?.peakRssBytes ?? null)})` : na, ...tools.map(({ cold, warm }) => toolCell(cold, (p) => fmtMb(max([p.peakRssBytes, ...(warm ? [warm.peakRssBytes] : [])]))))])
  rows.push(['CPU per 10k requests (cold)', e ? cpuPer10k(e.cold.cpuS, requests) : na, ...tools.map(({ cold }) => toolCell(cold, (p) => cpuPer10k(p.cpuS, refRequests)))])
  rows.push(['ledger size', e ? fmtMb(e.ledgerBytes) : na])
  rows.push(['totals vs expected', e ? (e.verdict.ok ? 'OK' : 'MISMATCH') : na, ...tools.map(({ cold }) => toolCell(cold, (p) => (p.tokens === null ? '?' : p.tokens === c.expectedTokens ? 'exact' : `${signedPct(p.tokens, c.expectedTokens)} tokens`)))])
  const lines = [head, table(rows)]
  if (r.engineError) lines.push(`TokenLedger failed: ${r.engineError}`)
  if (e && !e.verdict.ok) lines.push(...e.verdict.problems.map((p) => `  MISMATCH ${p}`))
  if (e?.append.error) lines.push(`  append test: ${e.append.error}`)
  for (const { t, cold, warm } of tools) {
    if (e === null || cold === null || cold.failed) continue
    const vs = (theirs: number, ours: number, what: string): string => {
      const x = theirs / ours
      return x >= 1 ? `${x.toFixed(1)}x faster ${what}` : `${(1 / x).toFixed(1)}x slower ${what}`
    }
    const parts = [vs(cold.wallMs, e.cold.wallMs, 'cold')]
    if (warm && !warm.failed) parts.push(vs(warm.wallMs, e.warmNoChange.wallMs, 'warm'))
    else parts.push(vs(cold.wallMs, e.warmNoChange.wallMs, 'warm (it has no cache)'))
    const theirRss = max([cold.peakRssBytes, ...(warm ? [warm.peakRssBytes] : [])])
    const ours = enginePeakRss(e)
    if (theirRss !== null && ours !== null) {
      parts.push(theirRss >= ours ? `${(theirRss / ours).toFixed(1)}x less peak memory` : `${(ours / theirRss).toFixed(1)}x more peak memory`)
    }
    lines.push(`  vs ${t.tool.name}: TokenLedger is ${parts.join(', ')}`)
  }
  return lines.join('\n')
}

/** One line per size, with the issue's targets (stated for 1M Claude requests) checked on every size. */
export function renderSummary(results: readonly SizeResult[]): string {
  const rows: string[][] = [['size', 'cold', 'warm daily', 'append p95', 'peak RSS', 'totals', 'targets']]
  for (const r of results) {
    const e = r.engine
    if (e === null) {
      rows.push([r.size.label, 'failed', '', '', '', '', ''])
      continue
    }
    const coldTools = r.tools.map((t) => toolPhase(t.runs, 'cold')).filter((p): p is ToolPhase => p !== null && !p.failed)
    const peak = enginePeakRss(e)
    const checks = [
      coldTools.every((p) => e.cold.wallMs < p.wallMs) ? null : 'cold not faster than every tool',
      e.warmDailyMedianMs < TARGETS.warmDailyMs ? null : `warm daily >= ${TARGETS.warmDailyMs} ms`,
      e.append.p95 !== null && e.append.p95 < TARGETS.appendP95Ms ? null : `append p95 >= ${TARGETS.appendP95Ms} ms`,
      peak !== null && peak < TARGETS.peakRssBytes ? null : 'peak RSS >= 200 MB',
    ].filter((x) => x !== null)
    rows.push([r.size.label, fmtMs(e.cold.wallMs), fmtMs(e.warmDailyMedianMs), fmtMs(e.append.p95), fmtMb(peak), e.verdict.ok ? 'OK' : 'MISMATCH', checks.length === 0 ? 'all met' : checks.join('; ')])
  }
  return `\n== summary ==\n${table(rows)}`
}

/** results.json drops the children's stdout/stderr (the reports themselves) and keeps the figures. */
export function toJson(r: SizeResult): unknown {
  const strip = (x: RunResult) => ({ wallMs: x.wallMs, cpuS: x.cpuS, peakRssBytes: x.peakRssBytes, status: x.status })
  return {
    ...r,
    engine: r.engine && { ...r.engine, cold: strip(r.engine.cold), warmNoChange: strip(r.engine.warmNoChange) },
    tools: r.tools.map((t) => ({ tool: t.tool, runs: t.runs.map((x) => ({ ...x, run: strip(x.run) })) })),
  }
}
