import { PROVIDER_IDS } from '../../common/providers.ts'
import { BUDGET_PERIODS, DEFAULT_SETTINGS, isAbsolutePath, isIanaTimeZone, SETTINGS_SECTIONS, TRAY_METRICS, type SettingsSection } from '../../common/settings-defaults.ts'
import type { Settings } from '../../common/settings.ts'
import type { Db } from '../store/open-ledger.ts'

/**
 * Reads the settings stored in the ledger (table `settings`, one JSON row per section) WITHOUT the
 * validation library: every CLI run and engine start reads them, and loading zod costs ~60 ms of a
 * warm `tokenledger daily`. Writes go through the zod schemas (settings-repo.ts), so a stored section is
 * valid unless another version wrote it or someone edited the database; these checks accept exactly
 * what the schemas accept (settings-read.test.ts holds them to that) and otherwise fall back.
 *
 * Reads never fail: a missing section is its defaults; a stored one is merged over the defaults (fields
 * a newer version added get their default, unknown keys are dropped); a section that does not pass is
 * reset to its defaults with a warning.
 */
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
    const value = readSection(section, parseJson(json))
    if (value === null) warnings.push(`settings.${section} was invalid and has been reset to defaults (stored: ${json.slice(0, 200)})`)
    else Object.assign(settings, { [section]: value })
  }
  return { settings, warnings }
}

/** The section as stored, merged over its defaults and checked; null when it does not pass. */
export function readSection(section: SettingsSection, value: unknown): Settings[SettingsSection] | null {
  switch (section) {
    case 'display':
      return readDisplay(value)
    case 'budgets':
      return readBudgets(value)
    case 'alerts':
      return readAlerts(value)
    case 'sources':
      return readSources(value)
  }
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isBool = (v: unknown): v is boolean => typeof v === 'boolean'
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isInt = (v: unknown): v is number => Number.isInteger(v)
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v)
const isProvider = (v: unknown): boolean => oneOf(PROVIDER_IDS, v)
/** The schema's `absolutePath`: trimmed, non-empty, at most 4096 characters, absolute. */
const isPath = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.trim().length <= 4096 && isAbsolutePath(v.trim())

/** Keeps only the keys the defaults have (what zod's object parse does with unknown keys). */
function pick<T extends object>(defaults: T, stored: Obj): T {
  const out: Obj = { ...(defaults as Obj) }
  for (const key of Object.keys(defaults)) if (Object.hasOwn(stored, key)) out[key] = stored[key]
  return out as T
}

function readDisplay(value: unknown): Settings['display'] | null {
  if (!isObj(value)) return null
  const d = pick(DEFAULT_SETTINGS.display, value)
  const tz = typeof d.timezone === 'string' ? d.timezone.trim() : d.timezone
  const ok =
    oneOf(TRAY_METRICS, d.trayMetric) &&
    (tz === null || (typeof tz === 'string' && isIanaTimeZone(tz))) &&
    (d.weekStartsOn === 0 || d.weekStartsOn === 1) &&
    typeof d.currency === 'string' &&
    /^[A-Z]{3}$/.test(d.currency.trim()) &&
    isNum(d.usdRate) &&
    d.usdRate > 0 &&
    d.usdRate <= 1_000_000 &&
    isBool(d.hideAmounts) &&
    isBool(d.launchAtLogin) &&
    isBool(d.writeSnapshotFile) &&
    (d.snapshotPath === null || isPath(d.snapshotPath))
  if (!ok) return null
  return { ...d, timezone: tz, currency: d.currency.trim(), snapshotPath: d.snapshotPath === null ? null : d.snapshotPath.trim() }
}

function readBudgets(value: unknown): Settings['budgets'] | null {
  if (!Array.isArray(value) || value.length > 100) return null
  const seen = new Set<string>()
  const out: Settings['budgets'] = []
  for (const b of value) {
    // Budgets are strict objects in the schema: an unknown key means another version wrote them.
    if (!isObj(b) || Object.keys(b).some((k) => k !== 'id' && k !== 'period' && k !== 'provider' && k !== 'amountUsd')) return null
    const id = typeof b.id === 'string' ? b.id.trim() : ''
    if (id.length < 1 || id.length > 64 || !oneOf(BUDGET_PERIODS, b.period) || !(b.provider === null || isProvider(b.provider))) return null
    if (!isNum(b.amountUsd) || b.amountUsd <= 0 || b.amountUsd > 10_000_000) return null
    const key = `${b.period}:${String(b.provider)}`
    if (seen.has(key)) return null
    seen.add(key)
    out.push({ id, period: b.period, provider: b.provider as Settings['budgets'][number]['provider'], amountUsd: b.amountUsd })
  }
  return out
}

function readAlerts(value: unknown): Settings['alerts'] | null {
  if (!isObj(value)) return null
  const a = pick(DEFAULT_SETTINGS.alerts, value)
  const t: unknown = a.budgetThresholds
  const ok =
    Array.isArray(t) &&
    t.length <= 6 &&
    t.every((x) => isInt(x) && x >= 1 && x <= 500) &&
    new Set(t).size === t.length &&
    isBool(a.projectedOverrun) &&
    (a.quotaPercent === null || (isInt(a.quotaPercent) && a.quotaPercent >= 1 && a.quotaPercent <= 100)) &&
    isBool(a.notifications)
  return ok ? a : null
}

function readSources(value: unknown): Settings['sources'] | null {
  if (!isObj(value)) return null
  const s = pick(DEFAULT_SETTINGS.sources, value)
  const providers: unknown = s.disabledProviders
  const roots: unknown = s.disabledRoots
  const folders: unknown = s.customFolders
  const ok =
    Array.isArray(providers) &&
    providers.length <= PROVIDER_IDS.length &&
    providers.every(isProvider) &&
    Array.isArray(roots) &&
    roots.length <= 200 &&
    roots.every(isPath) &&
    Array.isArray(folders) &&
    folders.length <= 50 &&
    folders.every((f) => isObj(f) && Object.keys(f).every((k) => k === 'provider' || k === 'dir') && isProvider(f.provider) && isPath(f.dir))
  if (!ok) return null
  return {
    disabledProviders: s.disabledProviders,
    disabledRoots: s.disabledRoots.map((r) => r.trim()),
    customFolders: s.customFolders.map((f) => ({ provider: f.provider, dir: f.dir.trim() })),
  }
}

/** The table has no JSON check (0001): text that does not parse is an invalid section. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
