import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import {
  alertSettingsSchema,
  budgetsSchema,
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
 * Writes settings to the ledger database (table `settings`, migration 0001), one JSON row per section,
 * validating the whole merged section first: nothing invalid is ever stored. Reading is settings-read.ts.
 */
export const SECTION_SCHEMAS: { [S in SettingsSection]: z.ZodType<Settings[S]> } = {
  display: displaySettingsSchema,
  budgets: budgetsSchema,
  alerts: alertSettingsSchema,
  sources: sourceSettingsSchema,
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
