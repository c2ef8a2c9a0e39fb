import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../common/settings.ts'
import { fieldsOf } from '../core/test-input-error.ts'
import { openLedger } from '../store/open-ledger.ts'
import { loadSettings } from './settings-read.ts'
import { updateSettings } from './settings-repo.ts'

describe('settings in the ledger', () => {
  it('are the defaults on a new ledger', () => {
    expect(loadSettings(openLedger(':memory:'))).toEqual({ settings: DEFAULT_SETTINGS, warnings: [] })
  })

  it('store a patch, keep the untouched fields, and read back the same after reopening', () => {
    const path = `/tmp/tl-settings-${process.pid}-${Date.now()}.sqlite`
    const db = openLedger(path)
    const next = updateSettings(db, DEFAULT_SETTINGS, { display: { timezone: 'Asia/Tokyo', hideAmounts: true }, alerts: { quotaPercent: 95 } })
    expect(next.display).toEqual({ ...DEFAULT_SETTINGS.display, timezone: 'Asia/Tokyo', hideAmounts: true })
    expect(next.alerts).toEqual({ ...DEFAULT_SETTINGS.alerts, quotaPercent: 95 })
    db.close()
    expect(loadSettings(openLedger(path)).settings).toEqual(next)
  })

  it('give new budgets an id and keep existing ids (alerts are keyed by them)', () => {
    const db = openLedger(':memory:')
    const first = updateSettings(db, DEFAULT_SETTINGS, { budgets: [{ period: 'day', provider: null, amountUsd: 20 }] })
    const id = first.budgets[0]!.id
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const second = updateSettings(db, first, { budgets: [{ id, period: 'day', provider: null, amountUsd: 25 }, { period: 'month', provider: 'claude', amountUsd: 300 }] })
    expect(second.budgets.map((b) => [b.id === id, b.period, b.amountUsd])).toEqual([
      [true, 'day', 25],
      [false, 'month', 300],
    ])
  })

  it.each([
    ['an unknown time zone', { display: { timezone: 'Mars/Olympus' } }, 'display.timezone', 'unknown time zone'],
    ['a rate of zero', { display: { usdRate: 0 } }, 'display.usdRate', 'more than 0'],
    ['a currency that is not a code', { display: { currency: 'euro' } }, 'display.currency', 'three-letter'],
    ['a relative snapshot path', { display: { snapshotPath: 'snap.json' } }, 'display.snapshotPath', 'absolute path'],
    ['a negative budget', { budgets: [{ period: 'day', provider: null, amountUsd: -5 }] }, 'budgets.0.amountUsd', 'more than 0'],
    ['two daily budgets for all agents', { budgets: [{ period: 'day', provider: null, amountUsd: 5 }, { period: 'day', provider: null, amountUsd: 9 }] }, 'budgets.1.period', 'already a day budget'],
    ['a week start of Wednesday', { display: { weekStartsOn: 3 } }, 'display.weekStartsOn', ''],
    ['a field that does not exist', { display: { colour: 'red' } }, 'display', 'colour'],
  ])('reject %s with a message on that field, storing nothing', (_label, patch, field, message) => {
    const db = openLedger(':memory:')
    const issues = fieldsOf(() => updateSettings(db, DEFAULT_SETTINGS, patch))
    expect(issues.some((i) => i.field.startsWith(field) && (i.message.includes(message) || i.field.includes(message)))).toBe(true)
    expect(loadSettings(db).settings).toEqual(DEFAULT_SETTINGS)
  })

  it('store nothing when one section of a patch is invalid', () => {
    const db = openLedger(':memory:')
    fieldsOf(() => updateSettings(db, DEFAULT_SETTINGS, { display: { hideAmounts: true }, budgets: [{ period: 'year', provider: null, amountUsd: 5 }] }))
    expect(loadSettings(db).settings.display.hideAmounts).toBe(false)
  })

  it('fill fields a newer version added with defaults, and drop keys this version does not know', () => {
    const db = openLedger(':memory:')
    db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, 0)').run('display', JSON.stringify({ hideAmounts: true, futureField: 1 }))
    const { settings, warnings } = loadSettings(db)
    expect(settings.display).toEqual({ ...DEFAULT_SETTINGS.display, hideAmounts: true })
    expect(warnings).toEqual([])
  })

  it('reset a stored section that no longer validates to its defaults, with a warning, never failing to start', () => {
    const db = openLedger(':memory:')
    db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, 0)').run('budgets', JSON.stringify([{ id: 'x', period: 'fortnight', provider: null, amountUsd: 5 }]))
    db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, 0)').run('alerts', '{not json')
    db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, 0)').run('sources', JSON.stringify({ disabledProviders: ['claude'] }))
    const { settings, warnings } = loadSettings(db)
    expect(settings.budgets).toEqual([])
    expect(settings.alerts).toEqual(DEFAULT_SETTINGS.alerts)
    expect(settings.sources.disabledProviders).toEqual(['claude'])
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain('settings.budgets was invalid')
  })
})
