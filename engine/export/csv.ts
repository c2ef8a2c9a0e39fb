import { stringify } from 'csv-stringify/sync'
import { KEY_COLUMNS, METRIC_COLUMNS, type Figures } from './export-columns.ts'
import type { ExportData } from './export-types.ts'

/**
 * RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break), UTF-8, no BOM.
 * The header is a contract for users' spreadsheets and scripts; add columns at the end, never rename:
 *
 *   --group day       date,provider,model,<figures>
 *   --group month     month,provider,model,<figures>
 *   --group provider  provider,model,<figures>            (model empty: the provider's whole usage)
 *   --group model     provider,model,<figures>
 *   --group project   project,provider,model,<figures>    (project empty: the agent logged none)
 *   --group session   session_id,project,provider,model,<figures>
 *
 *   <figures> = requests,input,output,cache_write,cache_read,reasoning,total_tokens,cost_usd,effective_cost_usd
 *
 * Lines are tidy (one per key × provider × model). Token semantics are common/tokens.ts: output includes
 * reasoning; total_tokens = input + output + cache_write + cache_read. cost_usd is the list price and is
 * EMPTY (never 0) when nothing in the line has a price. The last line is `TOTAL` in the first column: its
 * effective_cost_usd is what was paid over the range (plan fees + per-token spend), which exceeds the
 * column sum by the fees of plans that had no priced usage in a period.
 */
export function renderCsv(data: ExportData): string {
  const keys = KEY_COLUMNS[data.group]
  const header = [...keys.map((k) => k.csv), ...METRIC_COLUMNS.map((m) => m.csv)]
  const lines = data.rows.map((r) => [...keys.map((k) => k.value(r) ?? ''), ...figureCells(r)])
  const total = [...keys.map((_, i) => (i === 0 ? 'TOTAL' : '')), ...figureCells(data.totals)]
  return stringify([header, ...lines, total], { record_delimiter: 'windows' })
}

function figureCells(f: Figures): string[] {
  return METRIC_COLUMNS.map((m) => {
    const v = m.value(f)
    return v === null ? '' : String(v)
  })
}
