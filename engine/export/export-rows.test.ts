import { describe, expect, it } from 'vitest'
import { dailyReport, modelsReport, monthlyReport } from '../reports/calendar-reports.ts'
import { sessionsReport } from '../reports/sessions-report.ts'
import { buildExport } from './export-rows.ts'
import { EXPORT_GROUPS } from './export-types.ts'
import { CLAUDE_PRO, FILTER, QUOTED_PROJECT, testLedger, UNPRICED_MODEL } from './test-ledger.ts'

const tokenTotal = (t: { input: number; output: number; cacheWrite: number; cacheRead: number }): number => t.input + t.output + t.cacheWrite + t.cacheRead

describe('buildExport', () => {
  it.each(EXPORT_GROUPS)('group %s: totals equal the daily report (requests, tokens, list cost, effective cost)', (group) => {
    const ctx = testLedger([CLAUDE_PRO])
    const { data } = buildExport(ctx, { group, filter: FILTER })
    const daily = dailyReport(ctx, FILTER)
    expect(data.totals.requests).toBe(daily.totals.requests)
    expect(data.totals.tokens).toEqual({ ...daily.totals.tokens, total: tokenTotal(daily.totals.tokens) })
    expect(data.totals.costUsd).toBe(daily.totals.costUsd)
    expect(data.totals.effectiveCostUsd).toBe(daily.totals.economics?.effectiveCostUsd)
  })

  it.each(EXPORT_GROUPS)('group %s: lines add up to the totals', (group) => {
    const { data } = buildExport(testLedger(), { group, filter: FILTER })
    expect(data.rows.reduce((s, r) => s + r.requests, 0)).toBe(data.totals.requests)
    expect(data.rows.reduce((s, r) => s + r.tokens.total, 0)).toBe(data.totals.tokens.total)
    expect(data.rows.reduce((s, r) => s + (r.costUsd ?? 0), 0)).toBeCloseTo(data.totals.costUsd!, 6)
  })

  it('hand-computed list costs: $15 + $0.123 + $0.20 + $1.00, the mystery model unpriced', () => {
    const { data } = buildExport(testLedger(), { group: 'model', filter: FILTER })
    expect(data.rows.map((r) => [r.provider, r.model, r.requests, r.tokens.total, r.costUsd])).toEqual([
      ['claude', 'claude-sonnet-4-5', 2, 1_113_000, 15.123],
      ['codex', 'gpt-5', 1, 450_000, 1],
      ['claude', 'claude-haiku-4-5', 1, 120_000, 0.2],
      ['claude', UNPRICED_MODEL, 1, 5500, null],
    ])
    expect(data.totals.costUsd).toBe(16.323)
    expect(data.unpricedModels).toEqual([{ provider: 'claude', model: UNPRICED_MODEL, requests: 1, tokens: 5500 }])
  })

  it('without plans, effective cost is the list cost line by line', () => {
    const { data } = buildExport(testLedger(), { group: 'model', filter: FILTER })
    expect(data.rows.map((r) => r.effectiveCostUsd)).toEqual(data.rows.map((r) => r.costUsd))
    expect(data.totals.effectiveCostUsd).toBe(16.323)
  })

  it('model lines match `models` with a $20 plan: covered Claude usage shares the fee, Codex stays at list price', () => {
    const ctx = testLedger([CLAUDE_PRO])
    const { data } = buildExport(ctx, { group: 'model', filter: FILTER })
    const models = modelsReport(ctx, FILTER).models
    expect(data.rows.map((r) => [r.provider, r.model, r.costUsd, r.effectiveCostUsd])).toEqual(models.map((m) => [m.provider, m.model, m.costUsd, m.effectiveCostUsd]))
    // Fee for Nov 1–23 = 20 × 23/30 = $15.333333, spread over the $0.323 of covered November usage by value.
    const haiku = data.rows.find((r) => r.model === 'claude-haiku-4-5')!
    expect(haiku.effectiveCostUsd).toBeCloseTo((0.2 * 15.333333) / 0.323, 5)
    expect(data.rows.find((r) => r.provider === 'codex')!.effectiveCostUsd).toBe(1)
  })

  it.each([
    ['day', (ctx: ReturnType<typeof testLedger>) => dailyReport(ctx, FILTER).days.flatMap((d) => d.models.map((m) => [d.date, m.provider, m.model, m.costUsd, m.effectiveCostUsd]))],
    ['month', (ctx: ReturnType<typeof testLedger>) => monthlyReport(ctx, FILTER).months.flatMap((d) => d.models.map((m) => [d.month, m.provider, m.model, m.costUsd, m.effectiveCostUsd]))],
  ] as const)('group %s: lines match the calendar report, fees prorated per period', (group, lines) => {
    const ctx = testLedger([CLAUDE_PRO])
    const { data } = buildExport(ctx, { group, filter: FILTER })
    const got = data.rows.map((r) => [r.period, r.provider, r.model, r.costUsd, r.effectiveCostUsd])
    expect(new Set(got.map((l) => JSON.stringify(l)))).toEqual(new Set(lines(ctx).map((l) => JSON.stringify(l))))
  })

  it('day lines: a covered day pays 1/30 of the $20 fee', () => {
    const { data } = buildExport(testLedger([CLAUDE_PRO]), { group: 'day', filter: FILTER })
    expect(data.rows.find((r) => r.period === '2026-11-20')).toMatchObject({ model: 'claude-sonnet-4-5', costUsd: 0.123, effectiveCostUsd: 0.666667 })
  })

  it('session lines match the sessions report', () => {
    const ctx = testLedger()
    const { data } = buildExport(ctx, { group: 'session', filter: FILTER })
    const report = sessionsReport(ctx, FILTER)
    expect(data.rows.map((r) => [r.sessionId, r.project, r.requests, r.costUsd])).toEqual(report.sessions.map((s) => [s.sessionId, s.project ?? '', s.requests, s.costUsd]))
    expect(data.totals.costUsd).toBe(report.totals.costUsd)
  })

  it('project lines are project × provider × model; the invoice view sums them per project', () => {
    const bundle = buildExport(testLedger(), { group: 'project', filter: FILTER })
    expect(bundle.data.rows.filter((r) => r.project === '/home/dev/shop').map((r) => r.model)).toEqual(['claude-sonnet-4-5', 'gpt-5', UNPRICED_MODEL])
    expect(bundle.byProject.map((r) => [r.project, r.requests, r.costUsd])).toEqual([
      [QUOTED_PROJECT, 1, 0.123],
      ['/home/dev/shop', 3, 16],
      ['<script>alert(1)</script>', 1, 0.2],
    ])
  })

  it('lists the active plan with its fee for the range and the value it covered', () => {
    const { data } = buildExport(testLedger([CLAUDE_PRO]), { group: 'provider', filter: FILTER })
    expect(data.economics.plans).toEqual([
      expect.objectContaining({ id: 'plan-pro', name: 'Claude Pro', cycleFeeUsd: 20, activeDays: 23, feeUsd: 15.333333, valueUsd: 0.323, pricingMode: 'subscription_derived' }),
    ])
    expect(data.economics).toMatchObject({ planFeesUsd: 15.333333, apiSpendUsd: 16, effectiveCostUsd: 31.333333 })
  })

  it('a provider filter keeps only that provider, and other providers’ plan fees out', () => {
    const { data } = buildExport(testLedger([CLAUDE_PRO]), { group: 'provider', filter: { ...FILTER, providers: ['codex'] } })
    expect(data.rows.map((r) => [r.provider, r.requests, r.costUsd])).toEqual([['codex', 1, 1]])
    expect(data.economics).toMatchObject({ planFeesUsd: 0, effectiveCostUsd: 1, plans: [] })
  })

  it('stamps range, time zone, registry version and generation time', () => {
    const { data } = buildExport(testLedger(), { group: 'day', filter: { timezone: 'UTC' } })
    expect(data).toMatchObject({ range: { since: '2026-10-15', until: '2026-11-23' }, timezone: 'UTC', generatedAt: '2026-11-23T12:00:00.000Z' })
    expect(data.registryVersion).toMatch(/^genai-prices-/)
  })
})
