import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type AlertSettings, type Budget, type Settings } from '../../common/settings.ts'
import { AlertMonitor } from './alert-monitor.ts'
import { BudgetLedger, DAY, HOUR, NOW } from './test-budget-ledger.ts'

const DAILY: Budget = { id: 'b-day', period: 'day', provider: null, amountUsd: 10 }
const WEEKLY: Budget = { id: 'b-week', period: 'week', provider: null, amountUsd: 10 }
const MONTHLY: Budget = { id: 'b-month', period: 'month', provider: null, amountUsd: 20 }

function settings(budgets: Budget[], alerts: Partial<AlertSettings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, budgets, alerts: { ...DEFAULT_SETTINGS.alerts, ...alerts } }
}

/** A ledger and a monitor on it; `check` publishes a snapshot at `now` the way the engine host does. */
function setup(budgets: Budget[], alerts: Partial<AlertSettings> = {}, dbPath = ':memory:') {
  const ledger = new BudgetLedger(dbPath)
  const monitor = new AlertMonitor(ledger.db)
  const s = settings(budgets, alerts)
  return {
    ledger,
    monitor,
    check: (now = NOW, opts: Parameters<BudgetLedger['snapshot']>[2] = {}) => monitor.check(ledger.snapshot(now, budgets, opts), s, now),
    firedKeys: () => ledger.db.prepare<[], { key: string }>('SELECT key FROM alerts_fired ORDER BY key').all().map((r) => r.key),
  }
}

describe('budget alerts', () => {
  it('50 %, 80 % and 100 % each fire once, as spend climbs through them', () => {
    const { ledger, check } = setup([DAILY])
    ledger.spend(NOW - 5 * HOUR, 4)
    expect(check()).toEqual([])
    ledger.spend(NOW - 4 * HOUR, 1.5)
    expect(check()).toEqual([{ key: 'budget:b-day:2026-11-23:50', title: 'Daily budget 50% used', body: 'All agents: $5.50 of $10.00 today (55%)' }])
    expect(check()).toEqual([])
    ledger.spend(NOW - 3 * HOUR, 2.6)
    expect(check()).toEqual([{ key: 'budget:b-day:2026-11-23:80', title: 'Daily budget 80% used', body: 'All agents: $8.10 of $10.00 today (81%)' }])
    ledger.spend(NOW - 2 * HOUR, 1.9)
    expect(check().map((n) => n.key)).toEqual(['budget:b-day:2026-11-23:100'])
    ledger.spend(NOW - HOUR, 5)
    expect(check()).toEqual([])
  })

  it('several levels reached at once announce only the highest, and the lower ones never follow', () => {
    const { ledger, check, firedKeys } = setup([DAILY])
    ledger.spend(NOW - HOUR, 8.5)
    expect(check()).toEqual([{ key: 'budget:b-day:2026-11-23:80', title: 'Daily budget 80% used', body: 'All agents: $8.50 of $10.00 today (85%)' }])
    expect(firedKeys()).toEqual(['budget:b-day:2026-11-23:50', 'budget:b-day:2026-11-23:80'])
    ledger.spend(NOW - HOUR / 2, 4)
    expect(check().map((n) => n.title)).toEqual(['Daily budget 100% used'])
    expect(check()).toEqual([])
  })

  it('does not fire again after a restart: a new monitor on the same ledger file', () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'tl-alerts-')), 'ledger.sqlite')
    const first = setup([DAILY], {}, dbPath)
    first.ledger.spend(NOW - HOUR, 9)
    expect(first.check().map((n) => n.key)).toEqual(['budget:b-day:2026-11-23:80'])
    first.ledger.close()
    const second = setup([DAILY], {}, dbPath)
    expect(second.check()).toEqual([])
    expect(second.check(NOW + HOUR)).toEqual([])
    second.ledger.close()
  })

  it('fires again in the next day, week and month', () => {
    const { ledger, check } = setup([DAILY, WEEKLY, MONTHLY])
    ledger.spend(NOW - HOUR, 25) // Monday Nov 23: every budget past 100 %
    expect(check().map((n) => n.key)).toEqual(['budget:b-day:2026-11-23:100', 'budget:b-week:2026-11-23:100', 'budget:b-month:2026-11-01:100'])
    const tuesday = NOW + DAY
    ledger.spend(tuesday - HOUR, 6)
    expect(check(tuesday).map((n) => n.key)).toEqual(['budget:b-day:2026-11-24:50'])
    const nextMonday = NOW + 7 * DAY // Nov 30: a new week, still November
    ledger.spend(nextMonday - HOUR, 8)
    expect(check(nextMonday).map((n) => n.key)).toEqual(['budget:b-day:2026-11-30:80', 'budget:b-week:2026-11-30:80'])
    const december = Date.UTC(2026, 11, 1, 12)
    ledger.spend(december - HOUR, 11)
    expect(check(december).map((n) => n.key)).toEqual(['budget:b-day:2026-12-01:100', 'budget:b-week:2026-11-30:100', 'budget:b-month:2026-12-01:50'])
  })

  it('a local day decides the period: in Los Angeles the request at 00:30 starts a new day', () => {
    const { ledger, check } = setup([DAILY])
    ledger.spend(Date.UTC(2026, 10, 24, 7, 30), 6) // Nov 23, 23:30 in Los Angeles
    expect(check(Date.UTC(2026, 10, 24, 7, 45), { timezone: 'America/Los_Angeles' }).map((n) => n.key)).toEqual(['budget:b-day:2026-11-23:50'])
    ledger.spend(Date.UTC(2026, 10, 24, 8, 30), 6) // Nov 24, 00:30
    expect(check(Date.UTC(2026, 10, 24, 8, 45), { timezone: 'America/Los_Angeles' }).map((n) => n.key)).toEqual(['budget:b-day:2026-11-24:50'])
  })

  it('a snapshot of a period that has ended by the time it is checked fires nothing', () => {
    const { ledger, monitor, firedKeys } = setup([DAILY])
    ledger.spend(NOW - HOUR, 9)
    const beforeMidnight = ledger.snapshot(Date.UTC(2026, 10, 23, 23, 59, 59), [DAILY])
    expect(monitor.check(beforeMidnight, settings([DAILY]), Date.UTC(2026, 10, 24, 0, 0, 1))).toEqual([])
    expect(firedKeys()).toEqual([])
  })

  it('stays quiet while the engine backfills, and fires once it is ready', () => {
    const { ledger, check, firedKeys } = setup([DAILY])
    ledger.spend(NOW - HOUR, 12)
    expect(check(NOW, { engineState: 'backfilling' })).toEqual([])
    expect(firedKeys()).toEqual([])
    expect(check().map((n) => n.key)).toEqual(['budget:b-day:2026-11-23:100'])
  })

  it('a per-agent budget fires on that agent’s spend only', () => {
    const claude: Budget = { id: 'b-claude', period: 'day', provider: 'claude', amountUsd: 4 }
    const { ledger, check } = setup([claude])
    ledger.spend(NOW - 2 * HOUR, 30, 'codex')
    expect(check()).toEqual([])
    ledger.spend(NOW - HOUR, 3.24, 'claude')
    expect(check()).toEqual([{ key: 'budget:b-claude:2026-11-23:80', title: 'Claude Code daily budget 80% used', body: 'Claude Code: $3.24 of $4.00 today (81%)' }])
  })

  it('uses the user’s own levels', () => {
    const { ledger, check } = setup([DAILY], { budgetThresholds: [25, 90] })
    ledger.spend(NOW - HOUR, 6)
    expect(check().map((n) => n.key)).toEqual(['budget:b-day:2026-11-23:25'])
    ledger.spend(NOW - HOUR / 2, 3)
    expect(check().map((n) => n.key)).toEqual(['budget:b-day:2026-11-23:90'])
  })

  it('with notifications off records crossings without showing them, and turning them on does not replay', () => {
    const ledger = new BudgetLedger()
    const monitor = new AlertMonitor(ledger.db)
    ledger.spend(NOW - 2 * HOUR, 8.5)
    expect(monitor.check(ledger.snapshot(NOW, [DAILY]), settings([DAILY], { notifications: false }), NOW)).toEqual([])
    expect(monitor.check(ledger.snapshot(NOW, [DAILY]), settings([DAILY]), NOW)).toEqual([])
    ledger.spend(NOW - HOUR, 2)
    expect(monitor.check(ledger.snapshot(NOW, [DAILY]), settings([DAILY]), NOW).map((n) => n.key)).toEqual(['budget:b-day:2026-11-23:100'])
  })
})

describe('projected overrun', () => {
  // Monday Nov 23, 12:00 UTC: 22.5 of November's 30 days have passed.
  it('warns once when the month is on track to exceed its budget', () => {
    const { ledger, check } = setup([MONTHLY], { budgetThresholds: [] })
    ledger.spend(Date.UTC(2026, 10, 10), 14.4) // × 30/22.5 = $19.20: under
    expect(check()).toEqual([])
    ledger.spend(Date.UTC(2026, 10, 12), 1.2) // $15.60 → $20.80
    expect(check()).toEqual([
      { key: 'projected:b-month:2026-11-01', title: 'Monthly budget on track to overrun', body: 'All agents: $15.60 so far, heading for $20.80 of $20.00 by month end' },
    ])
    ledger.spend(Date.UTC(2026, 10, 13), 1)
    expect(check()).toEqual([])
  })

  it('says nothing once the budget is already spent, or when the warning is off', () => {
    const spent = setup([MONTHLY], { budgetThresholds: [] })
    spent.ledger.spend(Date.UTC(2026, 10, 10), 21)
    expect(spent.check()).toEqual([])
    const off = setup([MONTHLY], { budgetThresholds: [], projectedOverrun: false })
    off.ledger.spend(Date.UTC(2026, 10, 10), 18)
    expect(off.check()).toEqual([])
  })

  it('comes with the threshold alert it coincides with', () => {
    const { ledger, check } = setup([MONTHLY])
    ledger.spend(Date.UTC(2026, 10, 10), 16.5) // 82.5 %, heading for $22
    expect(check().map((n) => n.key)).toEqual(['budget:b-month:2026-11-01:80', 'projected:b-month:2026-11-01'])
  })
})

describe('quota alerts', () => {
  it('fire once per window when a reported window reaches the level, and again after it resets', () => {
    const { ledger, check } = setup([])
    const reset = NOW + 2 * HOUR + 13 * 60_000
    ledger.quota(NOW - 60_000, 89, reset)
    expect(check()).toEqual([])
    ledger.quota(NOW - 30_000, 92, reset)
    expect(check()).toEqual([{ key: `quota:codex:/home/dev/.codex:primary:${new Date(reset).toISOString()}`, title: 'Codex CLI 5h window 92% used', body: 'Resets in 2h 13m (14:13).' }])
    ledger.quota(NOW - 10_000, 97, reset + 1000) // an older Codex build: the reset time drifts by a second
    expect(check()).toEqual([])
    // The next window.
    const later = reset + HOUR
    ledger.quota(later - 60_000, 95, later + 4 * HOUR)
    expect(check(later).map((n) => n.title)).toEqual(['Codex CLI 5h window 95% used'])
    expect(check(later)).toEqual([])
  })

  it('ignore windows that have reset by the time they are checked, and are off with no level', () => {
    const { ledger, monitor } = setup([])
    ledger.quota(NOW - 60_000, 99, NOW + 60_000)
    const snapshot = ledger.snapshot(NOW, [])
    expect(monitor.check(snapshot, settings([]), NOW + 120_000)).toEqual([])
    expect(monitor.check(snapshot, settings([], { quotaPercent: null }), NOW)).toEqual([])
    expect(monitor.check(snapshot, settings([], { quotaPercent: 99 }), NOW).map((n) => n.title)).toEqual(['Codex CLI 5h window 99% used'])
  })
})

describe('notification text', () => {
  it('follows hidden amounts and the display currency', () => {
    const ledger = new BudgetLedger().spend(NOW - HOUR, 8.5)
    const monitor = new AlertMonitor(ledger.db)
    const base = ledger.snapshot(NOW, [DAILY])
    const hidden = monitor.check({ ...base, display: { ...base.display!, hideAmounts: true } }, settings([DAILY]), NOW)
    expect(hidden).toEqual([{ key: 'budget:b-day:2026-11-23:80', title: 'Daily budget 80% used', body: 'All agents: 85% of the daily budget spent today' }])
    const other = new AlertMonitor(new BudgetLedger().spend(NOW - HOUR, 8.5).db)
    const euros = other.check({ ...base, display: { ...base.display!, currency: 'EUR', usdRate: 0.5 } }, settings([DAILY]), NOW)
    expect(euros.map((n) => n.body)).toEqual(['All agents: €4.25 of €5.00 today (85%)'])
  })
})
