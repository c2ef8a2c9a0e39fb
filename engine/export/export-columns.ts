import type { ExportGroup, ExportRow, ExportTokens } from './export-types.ts'

/** A column naming a line: its CSV header, JSON field and human label. */
export interface KeyColumn {
  readonly csv: string
  readonly json: string
  readonly label: string
  readonly value: (r: ExportRow) => string | null
}

const date: KeyColumn = { csv: 'date', json: 'date', label: 'Date', value: (r) => r.period }
const month: KeyColumn = { csv: 'month', json: 'month', label: 'Month', value: (r) => r.period }
const project: KeyColumn = { csv: 'project', json: 'project', label: 'Project', value: (r) => r.project }
const session: KeyColumn = { csv: 'session_id', json: 'sessionId', label: 'Session', value: (r) => r.sessionId }
const provider: KeyColumn = { csv: 'provider', json: 'provider', label: 'Provider', value: (r) => r.provider }
const model: KeyColumn = { csv: 'model', json: 'model', label: 'Model', value: (r) => r.model }

/** The key columns of each grouping, first to last. Provider and model are always present (model is empty for provider lines). */
export const KEY_COLUMNS: Record<ExportGroup, readonly KeyColumn[]> = {
  day: [date, provider, model],
  month: [month, provider, model],
  provider: [provider, model],
  model: [provider, model],
  project: [project, provider, model],
  session: [session, project, provider, model],
}

/** A line's figures, whatever the grouping. */
export interface Figures {
  readonly requests: number
  readonly tokens: ExportTokens
  readonly costUsd: number | null
  readonly effectiveCostUsd: number | null
}

/** The metric columns after the key columns: CSV header, human label, and the value. */
export const METRIC_COLUMNS: readonly { readonly csv: string; readonly label: string; readonly value: (f: Figures) => number | null; readonly money?: true }[] = [
  { csv: 'requests', label: 'Requests', value: (f) => f.requests },
  { csv: 'input', label: 'Input', value: (f) => f.tokens.input },
  { csv: 'output', label: 'Output', value: (f) => f.tokens.output },
  { csv: 'cache_write', label: 'Cache write', value: (f) => f.tokens.cacheWrite },
  { csv: 'cache_read', label: 'Cache read', value: (f) => f.tokens.cacheRead },
  { csv: 'reasoning', label: 'Reasoning', value: (f) => f.tokens.reasoning },
  { csv: 'total_tokens', label: 'Total tokens', value: (f) => f.tokens.total },
  { csv: 'cost_usd', label: 'Cost (USD, list)', value: (f) => f.costUsd, money: true },
  { csv: 'effective_cost_usd', label: 'Effective (USD)', value: (f) => f.effectiveCostUsd, money: true },
]
