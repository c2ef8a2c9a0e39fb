import { PROVIDER_IDS } from '../common/providers.ts'
import type { DailyReport } from '../common/reports.ts'
import type { ReportTokens } from '../common/tokens.ts'
import { sumTotals, type GeneratedHome, type TotalsLine } from './corpus/index.ts'

/**
 * Checks the engine's `daily --json --tz UTC` answer against the generator's expected totals: grand
 * total, per provider (every agent TokenLedger reads), and per UTC day. The corpus never straddles UTC
 * midnight, so days are unambiguous.
 */
export interface Verdict {
  ok: boolean
  problems: string[]
}

const FIELDS = ['input', 'output', 'cacheRead', 'cacheWrite', 'reasoning'] as const satisfies ReadonlyArray<keyof ReportTokens>

function reportShape(t: TotalsLine): { requests: number; tokens: ReportTokens } {
  const { input, output, cacheRead, cacheWrite5m, cacheWrite1h, reasoning } = t.tokens
  return { requests: t.requests, tokens: { input, output, cacheRead, cacheWrite: cacheWrite5m + cacheWrite1h, reasoning } }
}

function compare(label: string, got: { requests: number; tokens: ReportTokens } | undefined, want: TotalsLine, out: string[]): void {
  const w = reportShape(want)
  if (got === undefined) {
    out.push(`${label}: missing (expected ${w.requests} requests)`)
    return
  }
  if (got.requests !== w.requests) out.push(`${label} requests: got ${got.requests}, expected ${w.requests}`)
  for (const f of FIELDS) {
    const g = got.tokens[f]
    if (g !== w.tokens[f]) out.push(`${label} ${f}: got ${g}, expected ${w.tokens[f]} (${signedPct(g, w.tokens[f])})`)
  }
}

export function signedPct(got: number, want: number): string {
  if (want === 0) return got === 0 ? '0%' : 'n/a'
  const p = ((got - want) / want) * 100
  return `${p >= 0 ? '+' : ''}${p.toFixed(2)}%`
}

function isDailyReport(v: unknown): v is DailyReport {
  const r = v as Partial<DailyReport> | null
  return typeof r === 'object' && r !== null && Array.isArray(r.days) && typeof r.totals?.requests === 'number'
}

function addLine(acc: Map<string, { requests: number; tokens: ReportTokens }>, key: string, l: { requests: number; tokens: ReportTokens }): void {
  const cur = acc.get(key) ?? { requests: 0, tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 } }
  cur.requests += l.requests
  for (const f of FIELDS) cur.tokens[f] += l.tokens[f]
  acc.set(key, cur)
}

export function verifyDaily(json: string, expected: GeneratedHome): Verdict {
  let report: unknown
  try {
    report = JSON.parse(json)
  } catch {
    return { ok: false, problems: [`stdout is not JSON: ${json.slice(0, 120)}`] }
  }
  if (!isDailyReport(report)) return { ok: false, problems: ['stdout is not a DailyReport (common/reports.ts)'] }
  const problems: string[] = []
  const providers = PROVIDER_IDS.map((id) => ({ id, want: expected[id].expected }))
  compare('total', report.totals, sumTotals(providers.map((p) => p.want)), problems)
  const byProvider = new Map<string, { requests: number; tokens: ReportTokens }>()
  for (const d of report.days) for (const m of d.models) addLine(byProvider, m.provider, m)
  for (const { id, want } of providers) {
    const got = byProvider.get(id)
    // A provider the corpus left out (e.g. `otherAgents: false`) must simply be absent.
    if (got === undefined && want.requests === 0) continue
    compare(id, got, want, problems)
  }
  const unknown = [...byProvider.keys()].filter((id) => !providers.some((p) => p.id === id))
  problems.push(...unknown.map((id) => `provider ${id}: unexpected`))
  const days = new Set(providers.flatMap((p) => Object.keys(p.want.byDay)))
  const got = new Map(report.days.map((d) => [d.date, d] as const))
  const dayProblems: string[] = []
  for (const day of [...days].sort()) {
    const parts = providers.map((p) => p.want.byDay[day]).filter((p) => p !== undefined)
    compare(`day ${day}`, got.get(day), sumTotals(parts), dayProblems)
  }
  const extra = report.days.filter((d) => !days.has(d.date)).map((d) => `day ${d.date}: unexpected (${d.requests} requests)`)
  problems.push(...dayProblems.slice(0, 5), ...extra.slice(0, 3))
  if (dayProblems.length > 5) problems.push(`… ${dayProblems.length - 5} more per-day differences`)
  return { ok: problems.length === 0, problems }
}
