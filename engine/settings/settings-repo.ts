import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import {
  alertSettingsSchema,
  budgetsSchema,
  DEFAULT_SETTINGS,
  displaySettingsSchema,
  SETTINGS_SECTIONS,
  settingsPatchSchema,
  sourceSettingsSchema,
  type Settings,
  type SettingsPatch,
  type SettingsSection,
} from '../../common/settings.ts'
import { InputError } from '../core/input-error.ts'
import type { Db } from '../store/open-ledger.ts'

/**
 * Settings in the ledger database (table `settings`, migration 0001), one JSON row per section.
 * Reads never fail: a missing section is its defaults, a stored section is merged over the defaults
 * (so fields added by a newer version of TokenLedger get their default), and a section that no longer
 * validates is reset to defaults with a warning. Writes validate the whole merged section first:
 * nothing invalid is ever stored.
 */
const SECTION_SCHEMAS: { [S in SettingsSection]: z.ZodType<Settings[S]> } = {
  display: displaySettingsSchema,
  budgets: budgetsSchema,
  alerts: alertSettingsSchema,
  sources: sourceSettingsSchema,
}

export interface LoadedSettings {
  readonly settings: Settings
  readonly warnings: string[]
}

export function loadSettings(db: Db): LoadedSettings {
  const rows = db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings').all()
  const stored = new Map(rows.map((r) => [r.key, r.value_json]))
  const warnings: string[] = []
  const settings = structuredClone(DEFAULT_SETTINGS)
  for (const section of SETTINGS_SECTIONS) {
    const json = stored.get(section)
    if (json === undefined) continue
    const parsed = SECTION_SCHEMAS[section].safeParse(mergeOverDefaults(section, parseJson(json)))
    if (parsed.success) Object.assign(settings, { [section]: parsed.data })
    else warnings.push(`settings.${section} was invalid and has been reset to defaults: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  }
  return { settings, warnings }
}

/**
 * Applies a patch (validated by settingsPatchSchema) and stores the changed sections in one transaction.
 * Throws InputError naming every bad field (`display.timezone`, `budgets.1.amountUsd`); on error nothing
 * is written.
 */
export function updateSettings(db: Db, current: Settings, patch: unknown, now: number = Date.now()): Settings {
  const p = settingsPatchSchema.safeParse(patch)
  if (!p.success) throw InputError.fromZod(p.error)
  const next = mergePatch(current, p.data)
  const write = db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at')
  db.transaction(() => {
    for (const section of SETTINGS_SECTIONS) {
      if (p.data[section] === undefined) continue
      const checked = SECTION_SCHEMAS[section].safeParse(next[section])
      if (!checked.success) throw InputError.fromZod(checked.error, section)
      write.run(section, JSON.stringify(checked.data), now)
    }
  })()
  return next
}

function mergePatch(current: Settings, patch: SettingsPatch): Settings {
  return {
    display: { ...current.display, ...patch.display },
    // New budgets (no id yet) get one here: the id keys their alerts, so it must never change afterwards.
    budgets: patch.budgets === undefined ? current.budgets : patch.budgets.map((b) => ({ ...b, id: b.id ?? randomUUID() })),
    alerts: { ...current.alerts, ...patch.alerts },
    sources: { ...current.sources, ...patch.sources },
  }
}

function mergeOverDefaults(section: SettingsSection, value: unknown): unknown {
  const defaults = DEFAULT_SETTINGS[section]
  if (Array.isArray(defaults) || typeof value !== 'object' || value === null || Array.isArray(value)) return value
  return { ...defaults, ...value }
}

/** The table has no JSON check (0001): text that does not parse is treated as an invalid section. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
