import { describe, expect, it } from 'vitest'
import { createPricer } from '../pricing/index.ts'
import type { UserPlan } from '../pricing/index.ts'
import { LocalCalendar } from '../reports/local-time.ts'
import { EventWriter } from '../store/event-writer.ts'
import { openLedger } from '../store/open-ledger.ts'
import { testEvent } from '../store/test-events.ts'
import { buildSnapshot } from './build-snapshot.ts'

const NOW = Date.UTC(2026, 10, 23, 12, 0) // Monday 2026-11-23 12:00 UTC

function ledgerWithUsage() {
  const db = openLedger(':memory:')
  const w = new EventWriter(db)
  db.transaction(() =>
    w.write(
      [
        // Sonnet 4.5 ($/Mtok: input 3, output 15, cache read 0.30, 1h write 6):
        // 1000×3 + 2000×15 + 100000×0.3 + 10000×6 = 3000 + 30000 + 30000 + 60000 µ$ = $0.123
        testEvent({ dedupeKey: 'a', messageId: 'a', eventTs: Date.UTC(2026, 10, 23, 10), tokens: { input: 1000, output: 2000, cacheRead: 100_000, cacheWrite1h: 10_000, cacheWrite5m: 0 } }),
        // 1,000,000 output × $15/Mtok = $15, three days earlier
        testEvent({ dedupeKey: 'b', messageId: 'b', eventTs: Date.UTC(2026, 10, 20, 9), tokens: { input: 0, output: 1_000_000, cacheRead: 0, cacheWrite1h: 0 } }),
      ],
      0,
    ),
  )()
  db.prepare('INSERT INTO limit_readings VALUES (?,?,?,?,?,?,?,?)').run('codex', '/h/.codex', 'primary', NOW - 60_000, 72, 300, NOW + 3_600_000, 'plus')
  db.prepare('INSERT INTO limit_readings VALUES (?,?,?,?,?,?,?,?)').run('codex', '/h/.codex', 'secondary', NOW - 60_000, 95, 10080, NOW - 1000, 'plus')
  return db
}

function snapshot(plans: UserPlan[] = []) {
  const ctx = { db: ledgerWithUsage(), pricer: createPricer([]), plans, rules: [], calendar: new LocalCalendar('UTC'), now: NOW }
  return buildSnapshot({ ctx, engineState: 'ready', sources: [] })
}

describe('buildSnapshot', () => {
  it('has list-price spend for today, this week and this month', () => {
    const s = snapshot()
    expect(s.today.costUsd).toBe(0.123)
    expect(s.week.costUsd).toBe(0.123) // the week started this Monday
    expect(s.month.costUsd).toBe(15.123)
    expect(s.month.requests).toBe(2)
    expect(s.month.tokens).toEqual({ input: 1000, output: 1_002_000, cacheWrite: 10_000, cacheRead: 100_000, reasoning: 0 })
  })

  it('projects the month at its pace so far: $15.123 over 22.5 of 30 days → $20.164', () => {
    expect(snapshot().projectedMonthUsd).toBe(20.164)
  })

  it('without plans, effective cost equals list cost and there is no value-vs-paid', () => {
    const s = snapshot()
    expect(s.month.effectiveCostUsd).toBe(15.123)
    expect(s.valueVsPaid).toBeNull()
  })

  it('with a $20/month plan from Nov 1, pays 23/30 of the fee this month and 1/30 today', () => {
    const plan: UserPlan = { id: 'p', name: 'Claude Pro', catalogueId: 'claude-pro', provider: 'claude', account: null, billing: 'monthly', feeUsd: 20, startDate: '2026-11-01', endDate: null }
    const s = snapshot([plan])
    expect(s.month.effectiveCostUsd).toBe(15.333333) // 20 × 23/30
    expect(s.today.effectiveCostUsd).toBe(0.666667) // 20 × 1/30
    expect(s.month.costUsd).toBe(15.123) // list value is unchanged
    expect(s.valueVsPaid).toEqual({ valueUsd: 15.123, feesUsd: 15.333333, multiple: 0.99 })
  })

  it('keeps 30 local days in the daily series, zeros included, oldest first', () => {
    const s = snapshot()
    expect(s.daily).toHaveLength(30)
    expect(s.daily[0]!.date).toBe('2026-10-25')
    expect(s.daily.at(-1)).toEqual({ date: '2026-11-23', byProvider: { claude: 0.123 }, costUsd: 0.123 })
    expect(s.daily.find((d) => d.date === '2026-11-21')).toEqual({ date: '2026-11-21', byProvider: {}, costUsd: 0 })
  })

  it('shows quota windows until their reset time, newest reading first by use', () => {
    const s = snapshot()
    expect(s.quotas.filter((q) => q.kind === 'reported').map((q) => [q.windowId, q.usedPercent, q.label])).toEqual([['primary', 72, '5h window']])
  })

  it('estimates the active Claude 5-hour block (started 10:00, resets 15:00)', () => {
    const est = snapshot().quotas.find((q) => q.kind === 'estimate')
    expect(est).toMatchObject({ provider: 'claude', resetsAt: '2026-11-23T15:00:00.000Z', usedPercent: 40 })
  })
})
