import type { ProviderId } from './providers.ts'
import type { ReportTokens } from './tokens.ts'

/**
 * The UI snapshot: everything the tray and the popover's first screen need, pushed by the engine when
 * the ledger changes and optionally written to `ui-snapshot.json` for other status bars and scripts.
 *
 * Versioning policy: fields may be ADDED within a schema version; renaming, removing or changing the
 * meaning of a field bumps SNAPSHOT_SCHEMA_VERSION.
 */
export const SNAPSHOT_SCHEMA_VERSION = 1

/** Money at list price and effective money (subscriptions blended in) for one period. */
export interface PeriodFigure {
  /** API-equivalent value at list price, USD. Excludes unpriced tokens (see `unpricedTokens`). */
  costUsd: number
  /** What the user actually pays for this usage: API spend + prorated plan fees (see pricing). */
  effectiveCostUsd: number
  tokens: ReportTokens
  requests: number
  /** Tokens of models with no known price: shown as "unpriced", never as $0. */
  unpricedTokens: number
}

export interface QuotaWindowView {
  provider: ProviderId
  account: string
  windowId: string
  label: string
  usedPercent: number
  windowMinutes: number | null
  /** UTC ISO instant; null when the source did not say. */
  resetsAt: string | null
  /** `reported`: read from the agent's own log; `estimate`: computed locally (Claude 5-hour blocks). */
  kind: 'reported' | 'estimate'
  observedAt: string
}

export interface ProviderCardView {
  provider: ProviderId
  label: string
  today: PeriodFigure
  month: PeriodFigure
  /** Share of this month's list-price cost, 0..1. */
  shareOfMonth: number
  lastEventAt: string | null
  quotas: QuotaWindowView[]
}

export interface ModelShareView {
  provider: ProviderId
  model: string
  costUsd: number | null
  tokens: number
  requests: number
}

export interface DailyPointView {
  /** Local date, YYYY-MM-DD, in the snapshot's time zone. */
  date: string
  /** List-price cost per provider that day. */
  byProvider: Partial<Record<ProviderId, number>>
  costUsd: number
}

export interface SuggestionView {
  id: string
  severity: 'info' | 'warning'
  title: string
  detail: string
  /** The numbers behind the suggestion, so the user can check the reasoning. */
  figures: Record<string, number | string>
}

export interface PlanValueView {
  planId: string
  name: string
  provider: ProviderId
  /** Fee attributable to the last 30 days (prorated). */
  feeUsd: number
  /** List-price value of the usage it covered in those days. */
  valueUsd: number
  /** valueUsd / feeUsd; null when the fee is 0. */
  multiple: number | null
  tokens: number
}

/**
 * Activity an agent records locally that is NOT billed usage (Cursor's state.vscdb: conversations and
 * turns). Shown apart from every cost and token total.
 */
export interface LocalActivityView {
  provider: ProviderId
  source: string
  /** Last 30 days. */
  conversations: number
  userTurns: number
  assistantTurns: number
  /** Conversations per model the user SELECTED (`auto` when the agent chose): not what was billed. */
  models: Array<{ model: string; conversations: number }>
  /** Token counts the client wrote on some turns: sparse, no cache split, an estimate at best. */
  clientReportedTokens: { turnsWithCounts: number; input: number; output: number }
  lastAt: string | null
}

export interface SourceHealthView {
  provider: ProviderId
  root: string
  exists: boolean
  files: number
  events: number
  lastEventAt: string | null
  skipped: Record<string, number>
  errors: string[]
  /** Read and watched (false: its agent or this location is turned off; its past events stay). Absent in older snapshots. */
  enabled?: boolean
  /** A folder the user added (Preferences → Data sources), not a detected location. */
  custom?: boolean
  /** The config root / account label its events carry (plans can be limited to one). */
  account?: string
}

/** The display settings every view applies (tray, popover, other status bars reading the file). */
export interface DisplayView {
  trayMetric: 'today' | 'month' | 'blended' | 'quota'
  weekStartsOn: 0 | 1
  /** Display currency and units per USD; all figures in the snapshot stay USD. */
  currency: string
  usdRate: number
  hideAmounts: boolean
  launchAtLogin: boolean
}

/** One budget and where this period stands against it (list-price cost, the tray's figure). */
export interface BudgetStatusView {
  id: string
  period: 'day' | 'week' | 'month'
  provider: ProviderId | null
  amountUsd: number
  /** Local date the current period started (day, week start, or first of the month). */
  periodStart: string
  spentUsd: number
  /** spentUsd / amountUsd × 100. */
  percent: number
  /** Month budgets: spend projected to the period's end at the pace so far; null for day/week or too early. */
  projectedUsd: number | null
}

export type EngineState = 'starting' | 'backfilling' | 'ready' | 'error'

export interface UiSnapshot {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION
  generatedAt: string
  timezone: string
  currency: 'USD'
  engineState: EngineState
  /** Set when engineState is 'error': what went wrong and the way out. */
  error: { code: string; message: string } | null
  today: PeriodFigure
  week: PeriodFigure
  month: PeriodFigure
  /** Month-end projection of list-price cost from the month so far; null early in the month. */
  projectedMonthUsd: number | null
  /** Effective USD per million tokens this month, all providers. Null when no tokens. */
  blendedUsdPerMtok: number | null
  /** Subscription value vs fees this month; null when the user has no plan. */
  valueVsPaid: { valueUsd: number; feesUsd: number; multiple: number | null } | null
  /** Each plan over the last 30 days: what its usage was worth at list price against its fee. */
  planValues?: PlanValueView[]
  providers: ProviderCardView[]
  topModels: ModelShareView[]
  quotas: QuotaWindowView[]
  /** Last 30 local days, oldest first, every day present (zeros included). */
  daily: DailyPointView[]
  suggestions: SuggestionView[]
  sources: SourceHealthView[]
  /** Local, unbilled activity (Cursor), kept apart from usage. */
  localActivity?: LocalActivityView[]
  /** Display settings (hide amounts, currency, tray metric). Absent only in snapshots from older versions. */
  display?: DisplayView
  /** The user's budgets with this period's spend; [] when none are set. */
  budgets?: BudgetStatusView[]
  /** True when no usage has ever been recorded (the popover shows its empty state). */
  empty: boolean
}
