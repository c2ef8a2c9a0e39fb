import type { ProviderId } from './providers.ts'
import type { ReportTokens } from './tokens.ts'

/**
 * Report shapes printed by `tokenledger … --json` and returned to the UI. These are contracts users'
 * scripts depend on: add fields, never rename or remove them without bumping REPORT_SCHEMA_VERSION.
 */
export const REPORT_SCHEMA_VERSION = 1

export interface ModelLine {
  provider: ProviderId
  /** Canonical model id (pricing's resolution of the raw id; the raw id when unresolved). */
  model: string
  requests: number
  tokens: ReportTokens
  /** List-price cost; null when the model is unpriced (never a made-up 0). */
  costUsd: number | null
  /** What this usage really cost: its share of plan fees when covered by a plan, else its list cost. */
  effectiveCostUsd?: number | null
  /** 1e6 × effectiveCostUsd / tokens. */
  effectiveUsdPerMtok?: number | null
}

/** Blended economics of a report period (see engine/pricing/economics-types.ts for the definitions). */
export interface EconomicsSummary {
  /** V: list-price value of all priced usage. */
  valueUsd: number
  /** F: plan fees prorated to the period. */
  planFeesUsd: number
  /** A: list-price value of usage paid per token. */
  apiSpendUsd: number
  /** Covered value / plan fees; null without plans. */
  multiple: number | null
  /** F + A: what was paid. */
  effectiveCostUsd: number
  blendedGlobalUsdPerMtok: number | null
  providers: Array<{ provider: ProviderId; planFeesUsd: number; apiSpendUsd: number; effectiveCostUsd: number; blendedProviderUsdPerMtok: number | null; pricingModes: string[] }>
}

export interface PeriodLine {
  tokens: ReportTokens
  requests: number
  /** Sum of priced lines; null only when nothing in the period could be priced. */
  costUsd: number | null
  /** Plan fees prorated to the period + per-token spend (F + A). */
  effectiveCostUsd?: number
  models: ModelLine[]
}

export interface DailyReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  timezone: string
  days: Array<PeriodLine & { date: string }>
  totals: { requests: number; tokens: ReportTokens; costUsd: number | null; economics?: EconomicsSummary }
}

export type Grouping = 'day' | 'week' | 'month' | 'provider' | 'model' | 'project' | 'session'

export interface ReportFilter {
  /** Inclusive local dates YYYY-MM-DD in `timezone`. */
  since?: string | undefined
  until?: string | undefined
  timezone: string
  providers?: ProviderId[] | undefined
  /** First day of the week for weekly grouping: 0 = Sunday, 1 = Monday (default). */
  weekStartsOn?: 0 | 1 | undefined
}

export interface DrilldownQuery {
  /** Which level: providers, then models of a provider, projects of a model, sessions of a project. */
  level: 'providers' | 'models' | 'projects' | 'sessions'
  provider?: ProviderId | undefined
  model?: string | undefined
  project?: string | undefined
  range: { since: string; until: string }
}

export interface DrilldownRow {
  key: string
  label: string
  requests: number
  tokens: ReportTokens
  costUsd: number | null
  /** What it really cost with plan fees blended in (equals costUsd without plans); null when unpriced. */
  effectiveCostUsd?: number | null
  /** cacheRead / (input + cacheRead + cacheWrite), 0..1; null when no prompt tokens. */
  cacheHitRatio: number | null
  firstAt: string
  lastAt: string
}

export interface DrilldownResult {
  query: DrilldownQuery
  rows: DrilldownRow[]
}
