import type { TokenCounts } from '../../common/tokens.ts'
import { costCell, dateCell, tokenCell } from './cells.ts'
import type { CursorColumns } from './columns.ts'
import type { CsvRecord } from './csv.ts'
import type { CursorSkipReason } from './skips.ts'

/** One usage row of a Cursor export, normalized. */
export interface CursorRow {
  readonly eventTs: number
  readonly model: string
  readonly tokens: TokenCounts
  /** Cursor's own figure for the row in USD; 0 for kinds it did not charge; null when unreadable or absent. */
  readonly costUsd: number | null
  /** `Included`, `On-Demand`, `Free`, `Errored, No Charge`, … (null in old exports without the column). */
  readonly kind: string | null
  readonly maxMode: string | null
  /** Team exports: whose usage the row is. */
  readonly user: string | null
}

export type RowResult = { readonly row: CursorRow } | { readonly skip: CursorSkipReason }

/**
 * A data record → a usage row (agent-formats.md §8.1). The four token columns are DISJOINT:
 * `Total Tokens = Input (w/ Cache Write) + Input (w/o Cache Write) + Cache Read + Output Tokens`, so
 * `Input (w/ Cache Write)` is the cache-write count as it stands (other readers subtract `w/o` from it and
 * lose most of the cache writes). Cursor gives no TTL (→ 5m) and no reasoning split (→ 0, output holds it).
 * A row whose total disagrees is skipped rather than guessed at; a row without tokens (errored, aborted)
 * is not a request.
 */
export function readRow(record: CsvRecord, cols: CursorColumns): RowResult {
  if (record.malformed) return { skip: 'malformed-row' }
  const cells = record.cells
  if (cells.length < cols.width) return { skip: 'short-row' }
  // A trailing comma adds empty cells; real extra values mean the row is misaligned with its header.
  if (cells.slice(cols.width).some((c) => c.trim() !== '')) return { skip: 'malformed-row' }
  const at = (i: number | null): string | null => (i === null ? null : (cells[i]?.trim() ?? null))
  const eventTs = dateCell(cells[cols.date]!)
  if (eventTs === null) return { skip: 'bad-date' }
  const model = at(cols.model)
  if (model === null || model === '') return { skip: 'no-model' }
  const cacheWrite = tokenCell(cells[cols.cacheWrite]!)
  const input = tokenCell(cells[cols.input]!)
  const cacheRead = tokenCell(cells[cols.cacheRead]!)
  const output = tokenCell(cells[cols.output]!)
  if (cacheWrite === null || input === null || cacheRead === null || output === null) return { skip: 'bad-tokens' }
  const sum = cacheWrite + input + cacheRead + output
  const totalCell = at(cols.total)
  const total = totalCell === null || totalCell === '' ? null : tokenCell(totalCell)
  if (sum === 0) return { skip: 'zero-tokens' }
  if (totalCell !== null && totalCell !== '' && total !== sum) return { skip: 'total-mismatch' }
  const kind = at(cols.kind) || null
  return {
    row: {
      eventTs,
      model,
      tokens: { input, output, cacheRead, cacheWrite5m: cacheWrite, cacheWrite1h: 0, reasoning: 0 },
      costUsd: costCell(cols.cost === null ? undefined : cells[cols.cost], kind),
      kind,
      maxMode: at(cols.maxMode) || null,
      user: at(cols.user) || null,
    },
  }
}
