import type { Settings } from './settings.ts'

/**
 * The settings' constants and defaults, without the validation library: the CLI and the engine read
 * settings on every start and must not pay for loading zod (common/settings.ts holds the schemas).
 */
export const TRAY_METRICS = ['today', 'month', 'blended', 'quota'] as const
/** What the macOS menu-bar text (and the tray tooltip's first figure) shows. */
export type TrayMetric = (typeof TRAY_METRICS)[number]

export const BUDGET_PERIODS = ['day', 'week', 'month'] as const
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number]

export type SettingsSection = keyof Settings
export const SETTINGS_SECTIONS: readonly SettingsSection[] = ['display', 'budgets', 'alerts', 'sources']

export const DEFAULT_SETTINGS: Settings = {
  display: {
    trayMetric: 'today',
    timezone: null,
    weekStartsOn: 1,
    currency: 'USD',
    usdRate: 1,
    hideAmounts: false,
    launchAtLogin: false,
    writeSnapshotFile: true,
    snapshotPath: null,
  },
  budgets: [],
  alerts: { budgetThresholds: [50, 80, 100], projectedOverrun: true, quotaPercent: 90, notifications: true },
  sources: { disabledProviders: [], disabledRoots: [], customFolders: [] },
}

export function isIanaTimeZone(tz: string): boolean {
  try {
    Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** An absolute path on any OS (`/x`, `C:\x`, `\\server\x`), checked without node:path (the renderer uses it too). */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\')
}
