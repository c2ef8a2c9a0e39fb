import { BUDGET_PERIODS, type BudgetPeriod } from '../../common/settings-defaults.ts'
import type { AlertSettings, Budget, BudgetInput } from '../../common/settings.ts'
import type { ProviderId } from '../../common/providers.ts'
import type { FieldErrors } from './field-errors.ts'

/**
 * The Budgets tab's form state. Amounts and levels stay text until saved, so a half-typed value is not
 * lost; text that is not a number at all is caught here (the engine cannot name a field it never got),
 * everything else — a $0 budget, a level over 500 %, two budgets for one period — is the engine's call.
 */
export interface BudgetDraft {
  /** React key for the row; rows keep it while they are edited. */
  readonly key: string
  /** Absent for a row not saved yet: the engine assigns it (and then keys its alerts by it). */
  readonly id?: string | undefined
  readonly period: BudgetPeriod
  /** '' = all agents. */
  readonly provider: ProviderId | ''
  readonly amount: string
}

export interface AlertsDraft {
  readonly thresholds: string
  readonly projectedOverrun: boolean
  readonly quotaOn: boolean
  readonly quotaPercent: string
  readonly notifications: boolean
}

let nextKey = 0
const newKey = (): string => `row-${++nextKey}`

export function draftsOf(budgets: readonly Budget[]): BudgetDraft[] {
  return budgets.map((b) => ({ key: newKey(), id: b.id, period: b.period, provider: b.provider ?? '', amount: String(b.amountUsd) }))
}

/** A new row: the first period with no all-agents budget yet (one per period and agent is allowed). */
export function newDraft(existing: readonly BudgetDraft[]): BudgetDraft {
  const taken = new Set(existing.filter((d) => d.provider === '').map((d) => d.period))
  const period = BUDGET_PERIODS.find((p) => !taken.has(p)) ?? 'day'
  return { key: newKey(), period, provider: taken.has(period) ? 'claude' : '', amount: '' }
}

/** "$1,250.50" or "20" → 1250.5; null when the text is no number at all. */
function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s$,]/g, '')
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null
  return Number(cleaned)
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldErrors }

export function parseBudgets(drafts: readonly BudgetDraft[]): Parsed<BudgetInput[]> {
  const errors: Record<string, string> = {}
  const value = drafts.map((d, i): BudgetInput => {
    const amount = parseAmount(d.amount)
    if (amount === null) errors[`budgets.${i}.amountUsd`] = 'enter an amount in US dollars, e.g. 20'
    return { ...(d.id === undefined ? {} : { id: d.id }), period: d.period, provider: d.provider === '' ? null : d.provider, amountUsd: amount ?? 0 }
  })
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value }
}

export function alertsDraftOf(a: AlertSettings): AlertsDraft {
  return {
    thresholds: a.budgetThresholds.join(', '),
    projectedOverrun: a.projectedOverrun,
    quotaOn: a.quotaPercent !== null,
    quotaPercent: String(a.quotaPercent ?? 90),
    notifications: a.notifications,
  }
}

export function parseAlerts(d: AlertsDraft): Parsed<AlertSettings> {
  const errors: Record<string, string> = {}
  const parts = d.thresholds.split(/[,;\s]+/).filter((p) => p !== '')
  const levels = parts.map((p) => Number(p.replace(/%$/, '')))
  if (levels.some((n) => !Number.isFinite(n))) errors['alerts.budgetThresholds'] = 'percentages separated by commas, e.g. 50, 80, 100'
  const quota = d.quotaOn ? Number(d.quotaPercent.trim().replace(/%$/, '')) : null
  if (d.quotaOn && (d.quotaPercent.trim() === '' || !Number.isFinite(quota))) errors['alerts.quotaPercent'] = 'a percentage from 1 to 100'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: { budgetThresholds: levels.sort((a, b) => a - b), projectedOverrun: d.projectedOverrun, quotaPercent: quota, notifications: d.notifications } }
}

/**
 * Engine errors keyed by the field each belongs to in this tab: `alerts.budgetThresholds.2` (one level)
 * shows under the levels field; `budgets.1.amountUsd` under row 1's amount; anything the form has no
 * field for goes to the message above the buttons ('').
 */
export function placeErrors(errors: FieldErrors, fields: (key: string) => boolean): FieldErrors {
  const out: Record<string, string> = {}
  for (const [raw, message] of Object.entries(errors)) {
    const key = raw.startsWith('alerts.budgetThresholds') ? 'alerts.budgetThresholds' : fields(raw) ? raw : ''
    const text = key === '' && raw !== '' ? `${raw}: ${message}` : message
    out[key] = out[key] === undefined ? text : `${out[key]}; ${text}`
  }
  return out
}

/** Row fields the budget form shows: `budgets.<row>.period|provider|amountUsd`. */
export function isBudgetField(rows: number): (key: string) => boolean {
  return (key) => {
    const m = /^budgets\.(\d+)\.(period|provider|amountUsd)$/.exec(key)
    return m !== null && Number(m[1]) < rows
  }
}

export const ALERT_FIELDS: ReadonlySet<string> = new Set(['alerts.budgetThresholds', 'alerts.projectedOverrun', 'alerts.quotaPercent', 'alerts.notifications'])
