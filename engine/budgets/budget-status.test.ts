import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Budget } from '../../common/settings.ts'
import { Engine } from '../core/engine.ts'
import { EventWriter } from '../store/event-writer.ts'
import { testEvent } from '../store/test-events.ts'
import { budgetStatuses } from './budget-status.ts'
import { BudgetLedger, DAY, HOUR, NOW } from './test-budget-ledger.ts'
import { updateEngineSettings } from '../settings/update-engine-settings.ts'

const budget = (period: Budget['period'], amountUsd: number, provider: Budget['provider'] = null): Budget => ({ id: `${period}-${provider ?? 'all'}`, period, provider, amountUsd })

/** Monday Nov 23 2026, 12:00 UTC: spend today, yesterday (Sunday), last week, and on Nov 1. */
function mixedLedger(): BudgetLedger {
  return new BudgetLedger()
    .spend(NOW - 2 * HOUR, 3, 'claude')
    .spend(NOW - HOUR, 1.25, 'codex')
    .spend(NOW - 30 * 60_000, 0.4, 'cursor')
    .spend(NOW - DAY, 2, 'claude') // Sunday Nov 22
    .spend(NOW - 5 * DAY, 7, 'codex') // Wednesday Nov 18
    .spend(Date.UTC(2026, 10, 1, 9), 11, 'claude')
    .spend(Date.UTC(2026, 9, 31, 9), 100, 'claude') // October: in no current period
}

describe('budgetStatuses', () => {
  it('all-agents budgets spend exactly the snapshot’s today, week and month list-price cost', () => {
    const ledger = mixedLedger()
    const s = ledger.snapshot(NOW, [budget('day', 10), budget('week', 50), budget('month', 100)])
    const [day, week, month] = s.budgets!
    expect(day!.spentUsd).toBe(s.today.costUsd)
    expect(week!.spentUsd).toBe(s.week.costUsd)
    expect(month!.spentUsd).toBe(s.month.costUsd)
    expect([day!.spentUsd, week!.spentUsd, month!.spentUsd]).toEqual([4.65, 4.65, 24.65])
    expect(day).toMatchObject({ periodStart: '2026-11-23', amountUsd: 10, percent: 46.5, projectedUsd: null })
    expect(week).toMatchObject({ periodStart: '2026-11-23', percent: 9.3 })
    expect(month).toMatchObject({ periodStart: '2026-11-01', percent: 24.65 })
  })

  it('a per-agent budget counts only that agent, equal to its card in the popover', () => {
    const ledger = mixedLedger()
    const s = ledger.snapshot(NOW, [budget('day', 4, 'claude'), budget('month', 10, 'codex'), budget('day', 1, 'gemini')])
    const [claude, codex, gemini] = s.budgets!
    expect(claude!.spentUsd).toBe(3)
    expect(claude!.spentUsd).toBe(s.providers.find((p) => p.provider === 'claude')!.today.costUsd)
    expect(claude!.percent).toBe(75)
    expect(codex!.spentUsd).toBe(8.25)
    expect(codex!.spentUsd).toBe(s.providers.find((p) => p.provider === 'codex')!.month.costUsd)
    expect(gemini).toMatchObject({ spentUsd: 0, percent: 0 })
  })

  it('weeks start on Monday or Sunday as the user set, like the snapshot’s week', () => {
    const ledger = mixedLedger()
    const monday = ledger.snapshot(NOW, [budget('week', 10)], { weekStartsOn: 1 })
    const sunday = ledger.snapshot(NOW, [budget('week', 10)], { weekStartsOn: 0 })
    expect(monday.budgets![0]).toMatchObject({ periodStart: '2026-11-23', spentUsd: 4.65 })
    expect(sunday.budgets![0]).toMatchObject({ periodStart: '2026-11-22', spentUsd: 6.65 })
    expect(sunday.budgets![0]!.spentUsd).toBe(sunday.week.costUsd)
  })

  // 23:30 on the 23rd and 00:30 on the 24th, local time: only the second is "today" on the 24th.
  it.each([
    ['America/Los_Angeles', Date.UTC(2026, 10, 24, 7, 30), Date.UTC(2026, 10, 24, 8, 30), Date.UTC(2026, 10, 24, 20)],
    ['Asia/Tokyo', Date.UTC(2026, 10, 23, 14, 30), Date.UTC(2026, 10, 23, 15, 30), Date.UTC(2026, 10, 24, 3)],
  ])('in %s a request at 23:30 counts for that day and one at 00:30 for the next', (timezone, lateEvening, afterMidnight, noonNextDay) => {
    const ledger = new BudgetLedger().spend(lateEvening, 2).spend(afterMidnight, 5)
    const s = ledger.snapshot(noonNextDay, [budget('day', 10)], { timezone })
    expect(s.budgets![0]).toMatchObject({ periodStart: '2026-11-24', spentUsd: 5, percent: 50 })
    expect(s.budgets![0]!.spentUsd).toBe(s.today.costUsd)
    // Just before local midnight, the 23rd's request is today's.
    const before = ledger.snapshot(lateEvening + 10 * 60_000, [budget('day', 10)], { timezone })
    expect(before.budgets![0]).toMatchObject({ periodStart: '2026-11-23', spentUsd: 2 })
  })

  it('projects a month budget at the pace so far: $15 in 22.5 of 30 days → $20', () => {
    const ledger = new BudgetLedger().spend(Date.UTC(2026, 10, 2, 9), 15)
    const [month, day, week] = ledger.snapshot(NOW, [budget('month', 18), budget('day', 5), budget('week', 5)]).budgets!
    expect(month!.projectedUsd).toBe(20)
    expect(day!.projectedUsd).toBeNull()
    expect(week!.projectedUsd).toBeNull()
  })

  it('makes no projection in the first three days of the month, nor from nothing spent', () => {
    const ledger = new BudgetLedger().spend(Date.UTC(2026, 10, 2, 9), 15)
    expect(ledger.snapshot(Date.UTC(2026, 10, 3, 23), [budget('month', 18)]).budgets![0]!.projectedUsd).toBeNull()
    expect(ledger.snapshot(Date.UTC(2026, 10, 4, 0), [budget('month', 18)]).budgets![0]!.projectedUsd).toBe(150) // $15 in 3 of 30 days
    expect(new BudgetLedger().snapshot(NOW, [budget('month', 18)]).budgets![0]!.projectedUsd).toBeNull()
  })

  it('is empty without budgets and reads nothing', () => {
    expect(budgetStatuses(mixedLedger().ctx(NOW), [])).toEqual([])
  })
})

describe('Engine.snapshot budgets', () => {
  it('carries the saved budgets with ids the engine assigned and today’s spend', () => {
    const engine = new Engine({ dbPath: ':memory:', discovery: { home: mkdtempSync(join(tmpdir(), 'tl-budgets-')), env: {}, platform: 'linux' }, timezone: 'UTC', now: () => NOW })
    // Sonnet 4.5 output $15/Mtok: 100,000 tokens = $1.50.
    const writer = new EventWriter(engine.db)
    engine.db.transaction(() => writer.write([testEvent({ eventTs: NOW - HOUR, tokens: { input: 0, output: 100_000, cacheRead: 0, cacheWrite1h: 0 } })], NOW))()
    updateEngineSettings(engine, { budgets: [{ period: 'day', provider: null, amountUsd: 2 }] })
    const s = engine.snapshot()
    expect(s.budgets).toEqual([{ id: engine.settings.budgets[0]!.id, period: 'day', provider: null, amountUsd: 2, periodStart: '2026-11-23', spentUsd: 1.5, percent: 75, projectedUsd: null }])
    expect(s.budgets![0]!.spentUsd).toBe(s.today.costUsd)
    expect(s.budgets![0]!.id).toMatch(/^[0-9a-f-]{36}$/)
    engine.close()
  })
})
