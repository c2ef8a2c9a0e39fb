import type { ProviderId } from '../../common/providers.ts'
import { totalTokens, type TokenCounts } from '../../common/tokens.ts'
import { computeEconomics, type EconomicsRow } from '../pricing/index.ts'
import type { ReportContext } from '../reports/report-context.ts'
import type { RollupRow } from '../reports/rollup-rows.ts'
import type { SessionRow } from '../reports/session-rows.ts'
import { rowCost } from '../reports/row-cost.ts'

/** A rollup or session-rollup row, priced at list price, with its effective cost once computed. */
export interface PricedUsage {
  readonly provider: ProviderId
  readonly account: string
  readonly project: string
  readonly sessionId: string | null
  /** Canonical model (the raw id when unresolved). */
  readonly model: string
  /** The instant used for plan attribution (a session row's first request, clamped into the range). */
  readonly tsMs: number
  readonly lastTs: number
  readonly requests: number
  readonly tokens: TokenCounts
  readonly costUsd: number | null
  effectiveCostUsd: number | null
}

/** Prices quarter-hour rollup rows the way the calendar reports do (at the bucket start). */
export function pricedRollups(ctx: ReportContext, rows: readonly RollupRow[]): PricedUsage[] {
  return rows.map((r) => ({
    provider: r.provider,
    account: r.account,
    project: r.project,
    sessionId: null,
    model: ctx.pricer.resolve(r.provider, r.modelRaw).canonical,
    tsMs: r.startMs,
    lastTs: r.startMs,
    requests: r.requests,
    tokens: r.tokens,
    costUsd: rowCost(ctx.pricer, r),
    effectiveCostUsd: null,
  }))
}

/**
 * Prices session rows the way the sessions report does (at the session row's first request). Session rows
 * are cut by UTC day, so a few may start just outside the local range: their attribution instant is
 * clamped to the range so that their plan share is counted instead of silently dropped.
 */
export function pricedSessions(ctx: ReportContext, rows: readonly SessionRow[], range: { since: string; until: string }): PricedUsage[] {
  const from = ctx.calendar.startOfDay(range.since)
  const to = ctx.calendar.endOfDay(range.until) - 1
  return rows.map((r) => ({
    provider: r.provider,
    account: r.account,
    project: r.project,
    sessionId: r.sessionId,
    model: ctx.pricer.resolve(r.provider, r.modelRaw).canonical,
    tsMs: Math.min(Math.max(r.firstTs, from), to),
    lastTs: r.lastTs,
    requests: r.requests,
    tokens: r.tokens,
    costUsd: ctx.pricer.cost(r.provider, r.modelRaw, r.firstTs, r.tokens, r.ctxBucket),
    effectiveCostUsd: null,
  }))
}

/**
 * Sets each row's effective cost from the blended economics of its period (plan fees prorated to the
 * period's dates, spread over covered usage by value), exactly as the calendar reports compute them, so an
 * export's lines match `tokenledger daily|monthly|models --mode effective`.
 */
export function applyEffectiveCosts(
  ctx: ReportContext,
  usage: readonly PricedUsage[],
  periodOf: (u: PricedUsage) => string,
  rangeOf: (period: string) => { since: string; until: string },
): void {
  const byPeriod = new Map<string, PricedUsage[]>()
  for (const u of usage) {
    const key = periodOf(u)
    const list = byPeriod.get(key)
    if (list === undefined) byPeriod.set(key, [u])
    else list.push(u)
  }
  for (const [key, list] of byPeriod) {
    const rows = list.map((u): EconomicsRow => ({
      provider: u.provider,
      account: u.account,
      project: u.project === '' ? null : u.project,
      model: u.model,
      tsMs: u.tsMs,
      costUsd: u.costUsd,
      tokens: totalTokens(u.tokens),
    }))
    const eco = computeEconomics({ period: rangeOf(key), timezone: ctx.calendar.timezone, rows, plans: ctx.plans, rules: ctx.rules })
    list.forEach((u, i) => {
      u.effectiveCostUsd = eco.rows[i]?.effectiveCostUsd ?? null
    })
  }
}
