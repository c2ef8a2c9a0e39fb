import { describe, expect, it } from 'vitest'
import type { EngineStatus } from '../common/renderer-api.ts'
import { createTrayPresenter, meterFraction, overallDailyBudget } from './tray-presenter.ts'
import { DEFAULT_TRAY_DISPLAY } from './tray-format.ts'
import { makeSnapshot, period, quota } from './snapshot-fixture.ts'

const NOW = new Date('2026-03-14T10:00:00.000Z')
const RUNNING: EngineStatus = { state: 'running' }

function setup(platform: NodeJS.Platform, dailyBudgetUsd: number | null = null) {
  const calls: string[] = []
  const presenter = createTrayPresenter<string>({
    tray: {
      setTitle: (t) => calls.push(`title ${t}`),
      setToolTip: (t) => calls.push(`tooltip ${t}`),
      setImage: (i) => calls.push(`image ${i}`),
    },
    platform,
    makeImage: (fraction) => `meter ${fraction}`,
    display: () => DEFAULT_TRAY_DISPLAY,
    dailyBudgetUsd: () => dailyBudgetUsd,
    now: () => NOW,
  })
  return { presenter, calls }
}

describe('meterFraction', () => {
  const fiveHour = quota({ provider: 'codex', label: '5h window', usedPercent: 72, resetsAt: '2026-03-14T11:00:00.000Z' })
  const weekly = quota({ provider: 'codex', label: 'weekly', usedPercent: 40, resetsAt: '2026-03-18T00:00:00.000Z' })
  const stale = quota({ provider: 'claude', label: '5h', usedPercent: 100, resetsAt: '2026-03-14T09:00:00.000Z' })
  it.each([
    ['no snapshot', null, null, null],
    ['today against a $20 budget', makeSnapshot({ today: period(12.4), quotas: [fiveHour] }), 20, 0.62],
    ['the fullest live quota without a budget', makeSnapshot({ quotas: [weekly, fiveHour, stale] }), null, 0.72],
    ['nothing to measure', makeSnapshot({ today: period(3) }), null, null],
  ])('%s → %s', (_label, snapshot, budget, expected) => {
    expect(meterFraction(snapshot, budget, NOW)).toBe(expected)
  })
})

describe('tray presenter', () => {
  it('sets the title, tooltip and meter on macOS', () => {
    const { presenter, calls } = setup('darwin', 20)
    presenter.render(makeSnapshot({ today: period(12.4), month: period(80) }), RUNNING)
    expect(calls).toEqual(['title $12.40', 'tooltip Today $12.40 · Month $80.00', 'image meter 0.62'])
  })

  it('never sets a title on Windows, where trays have no text', () => {
    const { presenter, calls } = setup('win32', 20)
    presenter.render(makeSnapshot({ today: period(5), month: period(5) }), RUNNING)
    expect(calls).toEqual(['tooltip Today $5.00 · Month $5.00', 'image meter 0.25'])
  })

  it('touches nothing when the same reading arrives again', () => {
    const { presenter, calls } = setup('darwin', 20)
    const snapshot = makeSnapshot({ today: period(12.4) })
    presenter.render(snapshot, RUNNING)
    calls.length = 0
    presenter.render(makeSnapshot({ today: period(12.4) }), RUNNING)
    expect(calls).toEqual([])
  })

  it('redraws the icon only when the meter level changes', () => {
    const { presenter, calls } = setup('linux', 20)
    presenter.render(makeSnapshot({ today: period(10) }), RUNNING)
    calls.length = 0
    presenter.render(makeSnapshot({ today: period(10.1) }), RUNNING)
    expect(calls).toEqual(['tooltip Today $10.10 · Month $0.00'])
  })

  it('shows a dash before the first reading', () => {
    const { presenter, calls } = setup('darwin')
    presenter.render(null, RUNNING)
    expect(calls).toEqual(['title —', 'tooltip TokenLedger: waiting for the first reading…', 'image meter null'])
  })
})

describe('overallDailyBudget', () => {
  const budget = (span: 'day' | 'week' | 'month', provider: 'claude' | null, amountUsd: number) => ({
    id: `${span}-${provider}`, period: span, provider, amountUsd, periodStart: '2026-03-14', spentUsd: 0, percent: 0, projectedUsd: null,
  })

  it('is the all-agents daily budget, ignoring per-agent and longer ones', () => {
    const snapshot = makeSnapshot({ budgets: [budget('day', 'claude', 5), budget('month', null, 400), budget('day', null, 20)] })
    expect(overallDailyBudget(snapshot)).toBe(20)
  })

  it('is null without one', () => {
    expect(overallDailyBudget(makeSnapshot({ budgets: [budget('day', 'claude', 5)] }))).toBeNull()
    expect(overallDailyBudget(null)).toBeNull()
  })
})
