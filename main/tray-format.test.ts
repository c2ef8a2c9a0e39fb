import { describe, expect, it } from 'vitest'
import type { EngineStatus } from '../common/renderer-api.ts'
import {
  DEFAULT_TRAY_DISPLAY,
  formatCountdown,
  nearestQuota,
  quotaLine,
  trayTitle,
  trayDisplayOf,
  trayTooltip,
  type TrayDisplay,
} from './tray-format.ts'
import { makeSnapshot, period, quota } from './snapshot-fixture.ts'

const NOW = new Date('2026-03-14T10:00:00.000Z')
const RUNNING: EngineStatus = { state: 'running' }
const display = (overrides: Partial<TrayDisplay> = {}): TrayDisplay => ({ ...DEFAULT_TRAY_DISPLAY, ...overrides })

const codex5h = quota({ provider: 'codex', label: '5h window', usedPercent: 72, resetsAt: '2026-03-14T11:12:00.000Z' })
const codexWeek = quota({ provider: 'codex', label: 'weekly', usedPercent: 91, resetsAt: '2026-03-18T00:00:00.000Z' })
const claudeBlock = quota({ provider: 'claude', label: '5h block', usedPercent: 64.4, resetsAt: '2026-03-14T10:40:00.000Z', kind: 'estimate' })
const expired = quota({ provider: 'claude', label: 'session', usedPercent: 99, resetsAt: '2026-03-14T09:59:00.000Z' })

describe('trayTitle', () => {
  it.each([
    ['no snapshot yet', null, display(), '—'],
    ['today at list price', makeSnapshot({ today: period(12.4) }), display(), '$12.40'],
    ['nothing spent today', makeSnapshot({ today: period(0) }), display(), '$0.00'],
    ['a large day with grouping', makeSnapshot({ today: period(1234.567) }), display(), '$1,234.57'],
    ['unpriced tokens today', makeSnapshot({ today: period(3.1, 5_000) }), display(), '$3.10+'],
    ['month to date', makeSnapshot({ month: period(310.25) }), display({ metric: 'month' }), '$310.25'],
    ['hidden amounts', makeSnapshot({ today: period(12.4) }), display({ hideAmounts: true }), '•••'],
    ['German locale', makeSnapshot({ today: period(12.4) }), display({ locale: 'de-DE' }), '12,40\u00a0$'],
    ['an invalid locale falls back to en-US', makeSnapshot({ today: period(12.4) }), display({ locale: 'xx_INVALID!' }), '$12.40'],
    ['nearest quota', makeSnapshot({ quotas: [codexWeek, codex5h] }), display({ metric: 'quota' }), '72%'],
    ['quota stays visible when amounts are hidden', makeSnapshot({ quotas: [codex5h] }), display({ metric: 'quota', hideAmounts: true }), '72%'],
    ['quota metric without quotas shows today', makeSnapshot({ today: period(2) }), display({ metric: 'quota' }), '$2.00'],
    ['blended $/Mtok', makeSnapshot({ blendedUsdPerMtok: 3.2149 }), display({ metric: 'blended' }), '$3.21/M'],
    ['blended before any usage', makeSnapshot({ blendedUsdPerMtok: null }), display({ metric: 'blended' }), '—'],
    ['blended hidden', makeSnapshot({ blendedUsdPerMtok: 3.2 }), display({ metric: 'blended', hideAmounts: true }), '•••'],
    ['euros at the user’s rate', makeSnapshot({ today: period(10) }), display({ currency: 'EUR', usdRate: 0.9 }), '€9.00'],
    ['a malformed currency falls back to USD', makeSnapshot({ today: period(10) }), display({ currency: 'E1', usdRate: 1 }), '$10.00'],
  ])('%s → %s', (_label, snapshot, options, expected) => {
    expect(trayTitle(snapshot, options, NOW)).toBe(expected)
  })
})

describe('trayDisplayOf', () => {
  it('takes the user’s display settings from the snapshot and the locale from the OS', () => {
    const snapshot = makeSnapshot({
      display: { trayMetric: 'blended', weekStartsOn: 1, currency: 'EUR', usdRate: 0.92, hideAmounts: true, launchAtLogin: false },
    })
    expect(trayDisplayOf(snapshot, 'de-DE')).toEqual({ locale: 'de-DE', metric: 'blended', hideAmounts: true, currency: 'EUR', usdRate: 0.92 })
  })

  it('uses defaults before the first snapshot', () => {
    expect(trayDisplayOf(null, 'fr-FR')).toEqual({ ...DEFAULT_TRAY_DISPLAY, locale: 'fr-FR' })
  })
})

describe('trayTooltip', () => {
  it('shows today, month to date and the nearest quota', () => {
    const snapshot = makeSnapshot({ today: period(12.4), month: period(310.25), quotas: [codexWeek, codex5h] })
    expect(trayTooltip(snapshot, RUNNING, display(), NOW)).toBe('Today $12.40 · Month $310.25\nCodex 5h window 72% · resets in 1h 12m')
  })

  it('hides money but keeps the quota in hidden-amounts mode', () => {
    const snapshot = makeSnapshot({ today: period(12.4), month: period(310.25), quotas: [codex5h] })
    expect(trayTooltip(snapshot, RUNNING, display({ hideAmounts: true }), NOW)).toBe(
      'Today ••• · Month •••\nCodex 5h window 72% · resets in 1h 12m',
    )
  })

  it('waits for the first reading', () => {
    expect(trayTooltip(null, RUNNING, display(), NOW)).toBe('TokenLedger: waiting for the first reading…')
  })

  it('says the engine is restarting above the last figures', () => {
    const snapshot = makeSnapshot({ today: period(1.5), month: period(20) })
    expect(trayTooltip(snapshot, { state: 'restarting', attempt: 2, retryInMs: 1000 }, display(), NOW)).toBe(
      'TokenLedger: engine restarting…\nToday $1.50 · Month $20.00',
    )
  })

  it('says the engine stopped when it is down and there is no reading', () => {
    expect(trayTooltip(null, { state: 'down', message: 'x' }, display(), NOW)).toBe('TokenLedger: engine stopped (Refresh retries)')
  })

  it('mentions the history backfill', () => {
    const snapshot = makeSnapshot({ engineState: 'backfilling', today: period(0.5), month: period(0.5) })
    expect(trayTooltip(snapshot, RUNNING, display(), NOW)).toBe('Reading your agents’ history…\nToday $0.50 · Month $0.50')
  })

  it('never exceeds the 127 characters Windows allows', () => {
    const snapshot = makeSnapshot({ engineState: 'error', error: { code: 'database-corrupt', message: 'x'.repeat(300) } })
    expect(trayTooltip(snapshot, RUNNING, display(), NOW)).toHaveLength(127)
  })
})

describe('quotas', () => {
  it('picks the window that resets soonest and ignores expired ones', () => {
    expect(nearestQuota([codexWeek, expired, codex5h, claudeBlock], NOW)).toBe(claudeBlock)
  })

  it('returns null when every window has expired', () => {
    expect(nearestQuota([expired], NOW)).toBeNull()
  })

  it.each([
    [codex5h, 'Codex 5h window 72% · resets in 1h 12m'],
    [codexWeek, 'Codex weekly 91% · resets in 3d 14h'],
    [claudeBlock, 'Claude 5h block ≈64% · resets in 40m'],
    [quota({ provider: 'gemini', label: 'Gemini daily', usedPercent: 10 }), 'Gemini daily 10%'],
  ])('%#: %o → %s', (q, expected) => {
    expect(quotaLine(q, 'en-US', NOW)).toBe(expected)
  })
})

describe('formatCountdown', () => {
  it.each([
    [59_999, '<1m'],
    [60_000, '1m'],
    [45 * 60_000 + 59_000, '45m'],
    [72 * 60_000, '1h 12m'],
    [24 * 3_600_000, '1d 0h'],
    [(2 * 24 + 3) * 3_600_000, '2d 3h'],
  ])('%i ms → %s', (ms, expected) => {
    expect(formatCountdown(ms)).toBe(expected)
  })
})
