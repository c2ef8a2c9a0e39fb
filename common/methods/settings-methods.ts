import { z } from 'zod'
import { settingsPatchSchema, type Settings } from '../settings.ts'

/** Reading and changing user settings. `settings.update` applies live and answers with the stored result. */
export const settingsParamSchemas = {
  'settings.get': z.object({}).strict(),
  'settings.update': settingsPatchSchema,
} as const

export interface SettingsView {
  settings: Settings
  /** Where ui-snapshot.json goes when `display.snapshotPath` is null (the app's default). */
  defaultSnapshotPath: string | null
  /** The system time zone, used when `display.timezone` is null. */
  systemTimezone: string
  /** Sections whose stored value was invalid and was reset to defaults on load (with why). */
  warnings: string[]
}

export interface SettingsResults {
  'settings.get': SettingsView
  'settings.update': SettingsView
}
