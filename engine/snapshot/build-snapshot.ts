import { PROVIDER_LABELS, type ProviderId } from '../../common/providers.ts'
import {
  SNAPSHOT_SCHEMA_VERSION,
  type DailyPointView,
  type EngineState,
  type ModelShareView,
  type PeriodFigure,
  type PlanValueView,
  type ProviderCardView,
  type QuotaWindowView,
  type SourceHealthView,
  type SuggestionView,
  type UiSnapshot,
} from '../../common/snapshot.ts'
import { reportTokensTotal, totalTokens } from '../../common/tokens.ts'
import { blocksReport } from '../reports/blocks-report.ts'
import { LocalCalendar } from '../reports/local-time.ts'
import { roundUsd } from '../reports/period-lines.ts'
import type { ReportContext } from '../reports/report-context.ts'
import { loadRollupRows, type RollupRow } from '../reports/rollup-rows.ts'
import { economicsOf } from '../reports/effective-costs.ts'
import type { EconomicsResult } from '../pricing/index.ts'
import { addRow, emptyFigure, roundFigure } from './period-figure.ts'
import { reportedQuotas } from './quotas.ts'
import { rowCost } from '../reports/row-cost.ts'

export interface SnapshotInputs {
  readonly ctx: ReportContext
  readonly engineState: EngineState
  readonly sources: SourceHealthView[]
  readonly suggestions?: (s: Omit<UiSnapshot, 'suggestions'>) => SuggestionView[]
}

/**
 * Computes the UI snapshot from the rollups of the last ~31 days: one pass over a few thousand rows,
 * so it can be recomputed on every ledger change.
 */
export function buildSnapshot({ ctx, engineState, sources, suggestions }: SnapshotInputs): UiSnapshot {
  const { calendar, pricer, now } = ctx
  const today = calendar.today(now)
  const monthStart = `${today.slice(0, 8)}01`
  const weekStart = calendar.weekStart(now, ctx.weekStartsOn ?? 1)
  const from30 = LocalCalendar.addDays(today, -29)
  const earliest = monthStart < from30 ? monthStart : from30
  const rows = loadRollupRows(ctx.db, { fromMs: calendar.startOfDay(earliest), toMs: calendar.endOfDay(today) })

  const todayF = emptyFigure()
  const weekF = emptyFigure()
  const monthF = emptyFigure()
  const cards = new Map<ProviderId, { today: PeriodFigure; month: PeriodFigure; last: number }>()
  const models = new Map<string, ModelShareView>()
  const daily = new Map<string, DailyPointView>()
  for (let d = from30; d <= today; d = LocalCalendar.addDays(d, 1)) daily.set(d, { date: d, byProvider: {}, costUsd: 0 })

  const last30Rows: RollupRow[] = []
  const todayRows: RollupRow[] = []
  const weekRows: RollupRow[] = []
  const monthRows: RollupRow[] = []
  for (const row of rows) {
    const date = calendar.date(row.startMs)
    if (date >= from30) last30Rows.push(row)
    if (date === today) todayRows.push(row)
    if (date >= weekStart) weekRows.push(row)
    if (date >= monthStart) monthRows.push(row)
    const cost = rowCost(pricer, row)
    let card = cards.get(row.provider)
    if (card === undefined) {
      card = { today: emptyFigure(), month: emptyFigure(), last: 0 }
      cards.set(row.provider, card)
    }
    card.last = Math.max(card.last, row.startMs)
    if (date === today) {
      addRow(todayF, row, cost, null)
      addRow(card.today, row, cost, null)
    }
    if (date >= weekStart) addRow(weekF, row, cost, null)
    if (date >= monthStart) {
      addRow(monthF, row, cost, null)
      addRow(card.month, row, cost, null)
      const canonical = pricer.resolve(row.provider, row.modelRaw).canonical
      const key = `${row.provider}\u0000${canonical}`
      const m = models.get(key) ?? { provider: row.provider, model: canonical, costUsd: null, tokens: 0, requests: 0 }
      m.tokens += totalTokens(row.tokens)
      m.requests += row.requests
      if (cost !== null) m.costUsd = (m.costUsd ?? 0) + cost
      models.set(key, m)
    }
    const point = daily.get(date)
    if (point !== undefined && cost !== null) {
      point.byProvider[row.provider] = (point.byProvider[row.provider] ?? 0) + cost
      point.costUsd += cost
    }
  }

  // Effective cost (plans blended in) of each period, computed over that period as the economics define.
  const ecoMonth = economicsOf(ctx, monthRows, { since: monthStart, until: today })
  setEffective(todayF, economicsOf(ctx, todayRows, { since: today, until: today }), (p) => cards.get(p)?.today)
  setEffective(weekF, economicsOf(ctx, weekRows, { since: weekStart, until: today }), () => undefined)
  setEffective(monthF, ecoMonth, (p) => cards.get(p)?.month)

  const lastEvent = new Map<string, string | null>()
  for (const s of sources) {
    const prev = lastEvent.get(s.provider) ?? null
    if (s.lastEventAt !== null && (prev === null || s.lastEventAt > prev)) lastEvent.set(s.provider, s.lastEventAt)
  }
  const quotas = [...reportedQuotas(ctx.db, now), ...claudeBlockEstimate(ctx)]
  const monthCost = monthF.costUsd
  const providers: ProviderCardView[] = [...cards]
    .map(([provider, c]) => ({
      provider,
      label: PROVIDER_LABELS[provider],
      today: roundFigure(c.today),
      month: roundFigure(c.month),
      shareOfMonth: monthCost > 0 ? c.month.costUsd / monthCost : 0,
      lastEventAt: lastEvent.get(provider) ?? null,
      quotas: quotas.filter((q) => q.provider === provider),
    }))
    .sort((a, b) => b.month.costUsd - a.month.costUsd || a.label.localeCompare(b.label))

  const monthTokens = reportTokensTotal(monthF.tokens)
  const base: Omit<UiSnapshot, 'suggestions'> = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: new Date(now).toISOString(),
    timezone: calendar.timezone,
    currency: 'USD',
    engineState,
    error: null,
    today: roundFigure(todayF),
    week: roundFigure(weekF),
    month: roundFigure(monthF),
    projectedMonthUsd: projectMonth(calendar, now, monthStart, monthF.costUsd),
    blendedUsdPerMtok: monthTokens > 0 ? roundUsd(ecoMonth.blendedGlobalUsdPerMtok) : null,
    valueVsPaid:
      ctx.plans.length === 0 || ecoMonth.planFeesUsd === 0
        ? null
        : { valueUsd: roundUsd(ecoMonth.coveredValueUsd) ?? 0, feesUsd: roundUsd(ecoMonth.planFeesUsd) ?? 0, multiple: ecoMonth.multiple === null ? null : Math.round(ecoMonth.multiple * 100) / 100 },
    providers,
    topModels: topModels([...models.values()]),
    planValues: ctx.plans.length === 0 ? [] : planValues(economicsOf(ctx, last30Rows, { since: from30, until: today })),
    quotas,
    daily: [...daily.values()].map((p) => ({ ...p, costUsd: roundUsd(p.costUsd) ?? 0 })),
    sources,
    empty: !hasAnyEvent(ctx),
  }
  return { ...base, suggestions: suggestions?.(base) ?? [] }
}

/** Month-end projection at the month's pace so far; null during its first day (too little to go on). */
function projectMonth(calendar: LocalCalendar, now: number, monthStart: string, costSoFar: number): number | null {
  const start = calendar.startOfDay(monthStart)
  const [y, m] = [Number(monthStart.slice(0, 4)), Number(monthStart.slice(5, 7))]
  const nextMonth = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`
  const end = calendar.startOfDay(nextMonth)
  const elapsed = now - start
  if (elapsed < 24 * 3600_000) return null
  return roundUsd((costSoFar * (end - start)) / elapsed)
}

/** Claude's current 5-hour block, estimated locally; shown with its reset countdown, labelled an estimate. */
function claudeBlockEstimate(ctx: ReportContext): QuotaWindowView[] {
  const since = LocalCalendar.addDays(ctx.calendar.today(ctx.now), -1)
  const active = blocksReport(ctx, { since, timezone: ctx.calendar.timezone, providers: ['claude'] }).blocks.find((b) => b.isActive)
  if (active === undefined) return []
  const start = Date.parse(active.start)
  const end = Date.parse(active.end)
  return [
    {
      provider: 'claude',
      account: '',
      windowId: 'block-5h',
      label: '5h block (estimate)',
      usedPercent: Math.round(((ctx.now - start) / (end - start)) * 100),
      windowMinutes: 300,
      resetsAt: active.end,
      kind: 'estimate',
      observedAt: new Date(ctx.now).toISOString(),
    },
  ]
}

function hasAnyEvent(ctx: ReportContext): boolean {
  return ctx.db.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined
}

/**
 * Sets a figure's effective cost — what was paid: plan fees prorated to the period plus per-token spend
 * (F + A) — and each provider's share of it. Replaces the list-price placeholder.
 */
function setEffective(f: PeriodFigure, eco: EconomicsResult, providerFigure: (p: ProviderId) => PeriodFigure | undefined): void {
  f.effectiveCostUsd = eco.totalCostUsd
  for (const p of eco.providers) {
    const pf = providerFigure(p.provider)
    if (pf !== undefined) pf.effectiveCostUsd = p.costUsd
  }
}

function planValues(eco: EconomicsResult): PlanValueView[] {
  return eco.plans.map((p) => ({
    planId: p.planId,
    name: p.name,
    provider: p.provider,
    feeUsd: roundUsd(p.feeUsd) ?? 0,
    valueUsd: roundUsd(p.valueUsd) ?? 0,
    multiple: p.multiple === null ? null : Math.round(p.multiple * 100) / 100,
    tokens: p.tokens,
  }))
}

/**
 * The month's most expensive models (8), plus every unpriced model: an unpriced model has no cost to rank
 * by, and hiding it would hide the tokens missing from the totals.
 */
function topModels(all: ModelShareView[]): ModelShareView[] {
  const rounded = all.map((m) => ({ ...m, costUsd: roundUsd(m.costUsd) }))
  const priced = rounded.filter((m) => m.costUsd !== null).sort((a, b) => b.costUsd! - a.costUsd! || b.tokens - a.tokens)
  const unpriced = rounded.filter((m) => m.costUsd === null).sort((a, b) => b.tokens - a.tokens)
  return [...priced.slice(0, 8), ...unpriced]
}
