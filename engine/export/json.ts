import type { EconomicsSummary } from '../../common/reports.ts'
import { KEY_COLUMNS } from './export-columns.ts'
import type { ExportData, ExportGroup, ExportPlan, ExportTokens, ExportTotals, UnpricedModel } from './export-types.ts'

export const EXPORT_SCHEMA_VERSION = 1

/**
 * `export --format json`: a contract for users' scripts (add fields, never rename or remove them without
 * bumping schemaVersion). Row keys depend on the group: `date` | `month` | `project` | `sessionId` +
 * `project`, then always `provider` and `model` (null for provider lines), then the figures.
 */
export interface ExportJson {
  schemaVersion: typeof EXPORT_SCHEMA_VERSION
  generatedAt: string
  timezone: string
  group: ExportGroup
  range: { since: string; until: string }
  registryVersion: string
  rows: ExportJsonRow[]
  totals: ExportTotals
  economics: EconomicsSummary & { plans: ExportPlan[] }
  unpricedModels: UnpricedModel[]
}

/** Key fields present depend on the group (see KEY_COLUMNS); `provider` and `model` always are. */
export interface ExportJsonRow {
  date?: string | null
  month?: string | null
  sessionId?: string | null
  project?: string | null
  provider?: string | null
  model?: string | null
  requests: number
  tokens: ExportTokens
  costUsd: number | null
  effectiveCostUsd: number | null
}

export function toExportJson(data: ExportData): ExportJson {
  const keys = KEY_COLUMNS[data.group]
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generatedAt: data.generatedAt,
    timezone: data.timezone,
    group: data.group,
    range: data.range,
    registryVersion: data.registryVersion,
    rows: data.rows.map((r): ExportJsonRow => ({
      ...(Object.fromEntries(keys.map((k) => [k.json, k.value(r)])) satisfies Record<string, string | null>),
      requests: r.requests,
      tokens: r.tokens,
      costUsd: r.costUsd,
      effectiveCostUsd: r.effectiveCostUsd,
    })),
    totals: data.totals,
    economics: data.economics,
    unpricedModels: data.unpricedModels,
  }
}

export function renderJson(data: ExportData): string {
  return JSON.stringify(toExportJson(data), null, 2) + '\n'
}
