import { describe, expect, it } from 'vitest'
import { createPricer, type UserPlan } from '../pricing/index.ts'
import { EventWriter } from '../store/event-writer.ts'
import { openLedger } from '../store/open-ledger.ts'
import { testEvent } from '../store/test-events.ts'
import { dailyReport, monthlyReport } from './calendar-reports.ts'
import { drilldown } from './drilldown.ts'
import { sessionsReport } from './sessions-report.ts'
import { LocalCalendar } from './local-time.ts'

const NOW = Date.UTC(2026, 10, 23, 12)
const chatgptPlus: UserPlan = { id: 'plus', name: 'ChatGPT Plus', catalogueId: 'chatgpt-plus', provider: 'codex', account: null, billing: 'monthly', feeUsd: 20, startDate: '2026-11-01', endDate: null }

function context(tz = 'UTC') {
  const db = openLedger(':memory:')
  const w = new EventWriter(db)
  db.transaction(() =>
    w.write(
      [
        // Sonnet 4.5: 1,000,000 output × $15/Mtok = $15 on Nov 20
        testEvent({ dedupeKey: 'c1', messageId: 'c1', eventTs: Date.UTC(2026, 10, 20, 23, 30), tokens: { input: 0, output: 1_000_000, cacheRead: 0, cacheWrite1h: 0 } }),
        testEvent({ provider: 'codex', modelRaw: 'gpt-5', dedupeKey: 'x1', messageId: null, eventTs: Date.UTC(2026, 10, 21, 9), tokens: { input: 100_000, output: 0, cacheRead: 0, cacheWrite1h: 0 } }),
      ],
      0,
    ),
  )()
  return { db, pricer: createPricer([]), plans: [chatgptPlus], rules: [], calendar: new LocalCalendar(tz), now: NOW }
}

describe('calendar reports', () => {
  it('puts a request on its local day: 23:30 UTC on Nov 20 is Nov 21 in Berlin', () => {
    expect(dailyReport(context('Europe/Berlin'), { timezone: 'Europe/Berlin', providers: ['claude'] }).days.map((d) => [d.date, d.costUsd])).toEqual([['2026-11-21', 15]])
    expect(dailyReport(context(), { timezone: 'UTC', providers: ['claude'] }).days.map((d) => [d.date, d.costUsd])).toEqual([['2026-11-20', 15]])
  })

  it('with a provider filter, counts only the plans of those providers', () => {
    const claudeOnly = monthlyReport(context(), { timezone: 'UTC', providers: ['claude'], since: '2026-11-01', until: '2026-11-30' })
    expect(claudeOnly.totals.economics).toMatchObject({ planFeesUsd: 0, apiSpendUsd: 15, effectiveCostUsd: 15 })
    const all = monthlyReport(context(), { timezone: 'UTC', since: '2026-11-01', until: '2026-11-30' })
    // gpt-5 100k input × $1.25/Mtok = $0.125, covered by Plus ($20 for the whole of November).
    expect(all.totals.economics).toMatchObject({ planFeesUsd: 20, apiSpendUsd: 15, effectiveCostUsd: 35, valueUsd: 15.125 })
  })
})

describe('Cursor export rows', () => {
  it("use Cursor's own charge, and a big aggregate row gets no long-context tier", () => {
    const db = openLedger(':memory:')
    const w = new EventWriter(db)
    db.transaction(() =>
      w.write([testEvent({ provider: 'cursor', modelRaw: 'claude-4.5-sonnet', dedupeKey: 'k', messageId: null, vendorCostUsd: 0.42, eventTs: Date.UTC(2026, 10, 20), tokens: { input: 300_000, output: 1000, cacheRead: 0, cacheWrite1h: 0 } })], 0),
    )()
    expect(db.prepare('SELECT ctx_bucket FROM rollup_q15').all()).toEqual([{ ctx_bucket: 0 }])
    const report = dailyReport({ db, pricer: createPricer([]), plans: [], rules: [], calendar: new LocalCalendar('UTC'), now: NOW }, { timezone: 'UTC' })
    expect(report.totals.costUsd).toBe(0.42)
  })

  it("price sessions and session drilldowns by Cursor's charge too (two rows in one session: $0.42 + $0.08)", () => {
    const db = openLedger(':memory:')
    const w = new EventWriter(db)
    const row = (key: string, hour: number, cost: number) =>
      testEvent({ provider: 'cursor', modelRaw: 'auto', sessionId: 'cursor-day', dedupeKey: key, messageId: null, vendorCostUsd: cost, eventTs: Date.UTC(2026, 10, 20, hour), tokens: { input: 10_000, output: 500, cacheRead: 0, cacheWrite1h: 0 } })
    db.transaction(() => w.write([row('a', 8, 0.42), row('b', 9, 0.08)], 0))()
    const ctx = { db, pricer: createPricer([]), plans: [], rules: [], calendar: new LocalCalendar('UTC'), now: NOW }
    const sessions = sessionsReport(ctx, { timezone: 'UTC', since: '2026-11-20', until: '2026-11-20' })
    expect(sessions.sessions.map((s) => [s.sessionId, s.requests, s.costUsd])).toEqual([['cursor-day', 2, 0.5]])
    expect(sessions.totals.costUsd).toBe(0.5)
    const drill = drilldown(ctx, { level: 'sessions', provider: 'cursor', range: { since: '2026-11-20', until: '2026-11-20' } })
    expect(drill.rows.map((r) => [r.key, r.costUsd])).toEqual([['cursor-day', 0.5]])
  })
})

describe('drilldown effective cost', () => {
  it('gives a covered provider its plan fee and an uncovered one its list cost (November, Plus $20 on codex)', () => {
    const result = drilldown(context(), { level: 'providers', range: { since: '2026-11-01', until: '2026-11-30' } })
    expect(result.rows.map((r) => [r.key, r.costUsd, r.effectiveCostUsd])).toEqual([
      ['claude', 15, 15],
      ['codex', 0.125, 20], // all of Plus's $20 falls on the only usage it covered
    ])
  })
})

describe('session report effective cost', () => {
  it('blends the plan fee into the covered session (Plus $20 over November on the one codex session)', () => {
    const report = sessionsReport(context(), { timezone: 'UTC', since: '2026-11-01', until: '2026-11-30' })
    expect(report.sessions.map((s) => [s.provider, s.costUsd, s.effectiveCostUsd])).toEqual([
      ['codex', 0.125, 20],
      ['claude', 15, 15],
    ])
  })
})
