import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, SETTINGS_SECTIONS, type SettingsSection } from '../../common/settings.ts'
import { readSection } from './settings-read.ts'
import { SECTION_SCHEMAS } from './settings-repo.ts'

/**
 * The zod-free reader must accept exactly what the zod schemas accept (and read the same value), or a
 * setting saved through Preferences could be thrown away on the next start — or a bad one let through.
 */
const ODD_VALUES: readonly unknown[] = [
  null, undefined, true, false, 0, 1, -1, 1.5, 90, 100, 101, 500, 501, 1_000_000, 1_000_001, Number.NaN, Number.POSITIVE_INFINITY,
  '', ' ', 'today', 'blended', 'weekly', 'USD', 'usd', ' EUR ', 'EURO', 'UTC', 'Asia/Tokyo', 'Mars/Olympus', '/tmp/x.json', ' /tmp/x.json ', 'relative/x', 'C:\\Users\\x', '\\\\server\\share',
  'claude', 'cursor', 'vim', 'day', 'month', 'year', [], [50, 80, 100], [50, 50], [0], [1, 2, 3, 4, 5, 6, 7], ['claude'], ['claude', 'nope'], ['/a', 'b'],
  [{ provider: 'claude', dir: '/x' }], [{ provider: 'claude', dir: 'x' }], [{ provider: 'claude', dir: '/x', extra: 1 }], {}, { a: 1 },
]

function candidates(section: SettingsSection): unknown[] {
  const base = DEFAULT_SETTINGS[section]
  const out: unknown[] = [base, undefined, null, 'text', 42, [], {}]
  if (Array.isArray(base)) {
    const budget = { id: 'b1', period: 'day', provider: null, amountUsd: 20 }
    out.push([budget], [budget, { ...budget, id: 'b2', period: 'month' }], [budget, { ...budget, id: 'b2' }])
    for (const key of Object.keys(budget)) for (const v of ODD_VALUES) out.push([{ ...budget, [key]: v }])
    out.push([{ ...budget, note: 'x' }], [{ period: 'day', provider: null, amountUsd: 5 }])
    return out
  }
  out.push({ ...base, futureField: 1 })
  for (const key of Object.keys(base)) for (const v of ODD_VALUES) out.push({ ...base, [key]: v })
  return out
}

/** What the store does before validating with zod: a stored object is merged over the section's defaults. */
function zodRead(section: SettingsSection, value: unknown): unknown {
  const defaults = DEFAULT_SETTINGS[section]
  const merged = !Array.isArray(defaults) && typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...defaults, ...value } : value
  const r = SECTION_SCHEMAS[section].safeParse(merged)
  return r.success ? r.data : null
}

describe('settings-read agrees with the settings schemas', () => {
  it.each(SETTINGS_SECTIONS)('on every candidate %s value', (section) => {
    const disagreements = candidates(section)
      .map((value) => ({ value, zod: zodRead(section, value), reader: readSection(section, value) }))
      .filter((c) => JSON.stringify(c.zod) !== JSON.stringify(c.reader))
    expect(disagreements).toEqual([])
  })
})
