import { z } from 'zod'
import { PROVIDER_IDS } from './providers.ts'
import { BUDGET_PERIODS, isAbsolutePath, isIanaTimeZone, TRAY_METRICS, type BudgetPeriod } from './settings-defaults.ts'
export { BUDGET_PERIODS, DEFAULT_SETTINGS, isAbsolutePath, isIanaTimeZone, SETTINGS_SECTIONS, TRAY_METRICS } from './settings-defaults.ts'
export type { BudgetPeriod, SettingsSection, TrayMetric } from './settings-defaults.ts'

/**
 * User settings: one schema, shared by the engine (which stores and applies them), main (which
 * validates IPC) and the preferences window (which edits them). Settings live in the ledger database,
 * one row per section; every field has a default, so a section stored by an older version parses with
 * the new fields filled in, and an invalid stored section falls back to its defaults with a warning.
 */
const provider = z.enum(PROVIDER_IDS)

/** An absolute path on any OS (`/x`, `C:\x`, `\\server\x`). Checked here without node:path: the renderer uses it too. */
export const absolutePath = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(4096)
  .refine(isAbsolutePath, 'must be an absolute path')



export const displayFields = {
  trayMetric: z.enum(TRAY_METRICS),
  /** IANA zone for "today", weeks and months; null follows the system. */
  timezone: z.string().trim().refine(isIanaTimeZone, 'unknown time zone: use an IANA name such as Europe/Berlin or UTC').nullable(),
  /** 0 = Sunday, 1 = Monday. */
  weekStartsOn: z.union([z.literal(0), z.literal(1)]),
  /** Display currency (ISO 4217). All data stays in USD; amounts are converted for display only. */
  currency: z.string().trim().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as EUR'),
  /** Units of `currency` per US dollar (1 for USD). Typed by the user: TokenLedger fetches no rates. */
  usdRate: z.number().finite().positive('must be more than 0').max(1_000_000),
  /** Screen-sharing mode: every amount is replaced by dots (tray, popover, preferences). */
  hideAmounts: z.boolean(),
  launchAtLogin: z.boolean(),
  /** Write `ui-snapshot.json` for other status bars and scripts. */
  writeSnapshotFile: z.boolean(),
  /** Where to write it; null = the app's default (shown in the preferences window). */
  snapshotPath: absolutePath.nullable(),
}
export const displaySettingsSchema = z.object(displayFields)
export type DisplaySettings = z.infer<typeof displaySettingsSchema>


/** A spending limit for one period, for all agents (provider null) or one. Compared with list-price cost. */
export const budgetSchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    period: z.enum(BUDGET_PERIODS),
    provider: provider.nullable(),
    amountUsd: z.number().finite().positive('a budget must be more than 0').max(10_000_000),
  })
  .strict()
export type Budget = z.infer<typeof budgetSchema>
/** A budget as the preferences window sends it: the engine assigns ids to new ones. */
export const budgetInputSchema = budgetSchema.extend({ id: budgetSchema.shape.id.optional() })
export type BudgetInput = z.infer<typeof budgetInputSchema>

/** Only one budget per period and provider: two would fire two notifications for one crossing. */
function uniqueBudgets(budgets: readonly { period: BudgetPeriod; provider: string | null }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>()
  budgets.forEach((b, i) => {
    const key = `${b.period}:${b.provider ?? '*'}`
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'period'], message: `there is already a ${b.period} budget for ${b.provider ?? 'all agents'}` })
    seen.add(key)
  })
}
export const budgetsSchema = z.array(budgetSchema).max(100).superRefine(uniqueBudgets)
export const budgetsInputSchema = z.array(budgetInputSchema).max(100).superRefine(uniqueBudgets)

export const alertFields = {
  /** Percent-of-budget levels that notify once per period each. */
  budgetThresholds: z
    .array(z.number().int().min(1, 'at least 1%').max(500, 'at most 500%'))
    .max(6)
    .refine((t) => new Set(t).size === t.length, 'each level once'),
  /** Notify once per month when the month-end projection exceeds a monthly budget. */
  projectedOverrun: z.boolean(),
  /** Notify when a provider's quota window reaches this percent; null = never. */
  quotaPercent: z.number().int().min(1).max(100).nullable(),
  /** Master switch for OS notifications (budgets still show in the popover). */
  notifications: z.boolean(),
}
export const alertSettingsSchema = z.object(alertFields)
export type AlertSettings = z.infer<typeof alertSettingsSchema>

export const customFolderSchema = z.object({ provider, dir: absolutePath }).strict()
export type CustomFolder = z.infer<typeof customFolderSchema>

export const sourceFields = {
  /** Agents not read at all. Their events already in the ledger are kept (it is the lifetime history). */
  disabledProviders: z.array(provider).max(PROVIDER_IDS.length),
  /** Detected source roots (SourceHealthView.root) not read. */
  disabledRoots: z.array(absolutePath).max(200),
  /** Extra folders read as source roots of an agent (e.g. logs copied from another machine). */
  customFolders: z.array(customFolderSchema).max(50),
}
export const sourceSettingsSchema = z.object(sourceFields)
export type SourceSettings = z.infer<typeof sourceSettingsSchema>

export interface Settings {
  display: DisplaySettings
  budgets: Budget[]
  alerts: AlertSettings
  sources: SourceSettings
}


/** `settings.update` params: any subset of sections; within display/alerts/sources any subset of fields. */
export const settingsPatchSchema = z
  .object({
    display: z.object(displayFields).partial().strict().optional(),
    budgets: budgetsInputSchema.optional(),
    alerts: z.object(alertFields).partial().strict().optional(),
    sources: z.object(sourceFields).partial().strict().optional(),
  })
  .strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
