import type { ModelLine, PeriodLine } from '../../common/reports.ts'
import { reportTokensTotal } from '../../common/tokens.ts'
import { blocksReport } from '../reports/blocks-report.ts'
import { dailyReport, modelsReport, monthlyReport, weeklyReport } from '../reports/calendar-reports.ts'
import { sessionsReport } from '../reports/sessions-report.ts'
import { openEngine } from './open-engine.ts'
import { reportFilter, type CommonFlags } from './options.ts'
import { fmtInt, fmtUsd, renderTable } from './table.ts'

const tokenHeader = (mode: CommonFlags['mode']): string[] => ['Input', 'Output', 'Cache write', 'Cache read', 'Total tokens', mode === 'effective' ? 'Effective (USD)' : 'Cost (USD)']

type Costed = Pick<PeriodLine, 'tokens' | 'costUsd'> & { effectiveCostUsd?: number | null; economics?: { effectiveCostUsd: number } }

/** Token columns and the cost column: list price, or with `--mode effective` what was really paid. */
function tokenCells(l: Costed, mode: CommonFlags['mode'] = 'list'): string[] {
  const t = l.tokens
  const cost = mode === 'effective' ? (l.economics?.effectiveCostUsd ?? l.effectiveCostUsd ?? l.costUsd) : l.costUsd
  return [fmtInt(t.input), fmtInt(t.output), fmtInt(t.cacheWrite), fmtInt(t.cacheRead), fmtInt(reportTokensTotal(t)), fmtUsd(cost)]
}

function modelNames(models: readonly ModelLine[]): string {
  return models.map((m) => m.model).join(', ')
}

function print(flags: CommonFlags, json: object, human: () => string): void {
  process.stdout.write(flags.json ? JSON.stringify({ ...json, mode: flags.mode ?? 'list' }, null, 2) + '\n' : human() + '\n')
}

type PeriodVerb = 'daily' | 'weekly' | 'monthly'

export function periodCommand(verb: PeriodVerb, flags: CommonFlags): void {
  const filter = reportFilter(flags)
  const engine = openEngine(flags, filter.timezone)
  try {
    const ctx = engine.reportContext()
    const [report, label, rows] =
      verb === 'daily'
        ? (() => { const r = dailyReport(ctx, filter); return [r, 'Date', r.days.map((d) => [d.date, d] as const)] as const })()
        : verb === 'weekly'
          ? (() => { const r = weeklyReport(ctx, filter); return [r, 'Week of', r.weeks.map((d) => [d.week, d] as const)] as const })()
          : (() => { const r = monthlyReport(ctx, filter); return [r, 'Month', r.months.map((d) => [d.month, d] as const)] as const })()
    print(flags, report, () => {
      if (rows.length === 0) return emptyMessage(engine.sources())
      return renderTable(
        [label, 'Models', ...tokenHeader(flags.mode)],
        rows.map(([key, line]) => [key, modelNames(line.models), ...tokenCells(line, flags.mode)]),
        ['Total', '', ...tokenCells(report.totals, flags.mode)],
      ) + `\n(${report.timezone})`
    })
  } finally {
    engine.close()
  }
}

export function modelsCommand(flags: CommonFlags): void {
  const filter = reportFilter(flags)
  const engine = openEngine(flags, filter.timezone)
  try {
    const report = modelsReport(engine.reportContext(), filter)
    print(flags, report, () =>
      report.models.length === 0
        ? emptyMessage(engine.sources())
        : renderTable(
            ['Provider', 'Model', 'Requests', ...tokenHeader(flags.mode)],
            report.models.map((m) => [m.provider, m.model, fmtInt(m.requests), ...tokenCells(m, flags.mode)]),
            ['Total', '', fmtInt(report.totals.requests), ...tokenCells(report.totals, flags.mode)],
          ),
    )
  } finally {
    engine.close()
  }
}

export function sessionCommand(flags: CommonFlags): void {
  const filter = reportFilter(flags)
  const engine = openEngine(flags, filter.timezone)
  try {
    const report = sessionsReport(engine.reportContext(), filter)
    print(flags, report, () =>
      report.sessions.length === 0
        ? emptyMessage(engine.sources())
        : renderTable(
            ['Session', 'Provider', 'Project', 'Last activity', 'Models', 'Requests', ...tokenHeader(flags.mode)],
            report.sessions.map((s) => [s.sessionId.slice(0, 36), s.provider, shortProject(s.project), s.lastAt.slice(0, 16).replace('T', ' '), s.models.join(', '), fmtInt(s.requests), ...tokenCells(s)]),
            ['Total', '', '', '', '', fmtInt(report.totals.requests), ...tokenCells(report.totals, flags.mode)],
          ),
    )
  } finally {
    engine.close()
  }
}

export function blocksCommand(flags: CommonFlags): void {
  const filter = reportFilter(flags)
  const engine = openEngine(flags, filter.timezone)
  try {
    const report = blocksReport(engine.reportContext(), { ...filter, providers: filter.providers ?? ['claude'] })
    print(flags, report, () =>
      report.blocks.length === 0
        ? emptyMessage(engine.sources())
        : renderTable(
            ['Block start (UTC)', 'Status', 'Models', 'Requests', ...tokenHeader(flags.mode)],
            report.blocks.map((b) => [b.start.slice(0, 16).replace('T', ' '), b.isActive ? `ACTIVE, ~${fmtUsd(b.projectedCostUsd)} projected` : '', b.models.join(', '), fmtInt(b.requests), ...tokenCells(b)]),
          ) + '\n5-hour blocks are estimated from local activity.',
    )
  } finally {
    engine.close()
  }
}

function shortProject(p: string | null): string {
  if (p === null) return ''
  const parts = p.split(/[\\/]/).filter(Boolean)
  return parts.slice(-2).join('/')
}

function emptyMessage(sources: ReturnType<import('../core/engine.ts').Engine['sources']>): string {
  const lines = ['No usage found for this range. Looked in:']
  for (const s of sources) lines.push(`  ${s.exists ? '✓' : '✗'} ${s.provider.padEnd(8)} ${s.root}`)
  lines.push('Use --home DIR to read another home directory, or --demo to see sample output.')
  return lines.join('\n')
}
