import type { ProviderId } from '../../common/providers.ts'
import type { EconomicsSummary } from '../../common/reports.ts'
import type { ReportTokens } from '../../common/tokens.ts'
import type { PricingMode } from '../pricing/index.ts'

export { EXPORT_FORMATS, EXPORT_GROUPS } from '../../common/export-formats.ts'
import type { ExportFormatName, ExportGroupName } from '../../common/export-formats.ts'
export type ExportFormat = ExportFormatName
export type ExportGroup = ExportGroupName

/** Report tokens plus their sum (input + output + cache write + cache read; reasoning is inside output). */
export interface ExportTokens extends ReportTokens {
  total: number
}

/**
 * One line of an export. Fields that are not part of the grouping are null (a provider line has no
 * model). Only ids and counts: no prompt or response text exists in the ledger, and none is added here.
 */
export interface ExportRow {
  /** Local date `YYYY-MM-DD` (group day) or month `YYYY-MM` (group month). */
  period: string | null
  /** Project path; '' when the agent logged none. Set for groups project and session. */
  project: string | null
  sessionId: string | null
  provider: ProviderId | null
  model: string | null
  requests: number
  tokens: ExportTokens
  /** List-price cost; null when nothing in the line could be priced (never a made-up 0). */
  costUsd: number | null
  /** Its share of plan fees when covered by a plan, else its list cost; null when unpriced. */
  effectiveCostUsd: number | null
}

export interface ExportTotals {
  requests: number
  tokens: ExportTokens
  costUsd: number | null
  /**
   * What was paid over the range: plan fees F + per-token spend A (economics.effectiveCostUsd). It can
   * exceed the sum of the lines' effective costs by the fees of plans that had no priced usage in a period.
   */
  effectiveCostUsd: number
}

/** A plan active in the range, with the figures an invoice needs. */
export interface ExportPlan {
  id: string
  name: string
  provider: ProviderId
  account: string | null
  billing: 'monthly' | 'annual'
  /** USD per billing cycle, as configured. */
  cycleFeeUsd: number
  startDate: string
  endDate: string | null
  pricingMode: PricingMode
  activeDays: number
  /** F: the part of the fee attributable to the range. */
  feeUsd: number
  /** V: list-price value of the usage it covered. */
  valueUsd: number
  multiple: number | null
  effectiveUsdPerMtok: number | null
}

export interface UnpricedModel {
  provider: ProviderId
  model: string
  requests: number
  /** All tokens of its unpriced usage (input + output + cache write + cache read). */
  tokens: number
}

export interface ExportData {
  group: ExportGroup
  generatedAt: string
  timezone: string
  range: { since: string; until: string }
  registryVersion: string
  rows: ExportRow[]
  totals: ExportTotals
  economics: EconomicsSummary & { plans: ExportPlan[] }
  unpricedModels: UnpricedModel[]
}
