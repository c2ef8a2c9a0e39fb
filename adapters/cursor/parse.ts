import type { ParseResult, SkipCounts, SourceFileRef } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import { readHeader } from './columns.ts'
import { parseCsv } from './csv.ts'
import { CursorKeys } from './dedupe-key.ts'
import { readRow, type CursorRow } from './row.ts'
import { bump } from './skips.ts'

export const CURSOR_PARSER_VERSION = 1

/** An export is parsed whole every time it changes; nothing is carried between reads. */
export type CursorCsvState = null

/** All Cursor export rows share one session: the export has no sessions, only account-wide rows. */
export const CURSOR_EXPORT_SESSION = 'cursor-export'

export interface CursorExportRead {
  /** Why the file is not a Cursor usage-events export, or null when it is. */
  readonly problem: string | null
  /** Data records in the file (usable or not). */
  readonly rows: number
  /** Usage rows read, with their events (same order). */
  readonly usage: ReadonlyArray<{ readonly row: CursorRow; readonly event: UsageEvent }>
  readonly skips: SkipCounts
}

/**
 * Reads one dashboard export (agent-formats.md §8.1) into usage events: provider `cursor`, Cursor's model
 * label as is, Cursor's own cost as `vendorCostUsd`, no project, session `cursor-export`, and the import
 * folder as the account (with the team member for team exports). Never throws: a file that is not an
 * export is one `not-cursor-csv` skip; bad rows are counted skips.
 *
 * Each row is an AGGREGATE of possibly many model calls, so its prompt size says nothing about any one
 * request: long-context price tiers must never be decided from it (pricing-and-plans.md: "never decide a
 * tier from aggregates").
 */
export function readCursorExport(bytes: Uint8Array, file: SourceFileRef): CursorExportRead {
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)
  const { records, tornTail } = parseCsv(text)
  const skips: SkipCounts = {}
  const header = records[0]
  const head = header === undefined ? { problem: 'the file is empty' } : readHeader(header.cells)
  if ('problem' in head) {
    bump(skips, 'not-cursor-csv')
    return { problem: head.problem, rows: 0, usage: [], skips }
  }
  if (tornTail) bump(skips, 'torn-row')
  const keys = new CursorKeys()
  const usage: Array<{ row: CursorRow; event: UsageEvent }> = []
  for (const record of records.slice(1)) {
    const r = readRow(record, head.columns)
    if ('skip' in r) {
      bump(skips, r.skip)
      continue
    }
    const row = r.row
    usage.push({
      row,
      event: {
        eventTs: row.eventTs,
        provider: 'cursor',
        modelRaw: row.model,
        sessionId: CURSOR_EXPORT_SESSION,
        requestId: null,
        messageId: null,
        isSidechain: false,
        project: null,
        account: row.user === null ? file.root.account : `${file.root.account} (${row.user})`,
        tokens: row.tokens,
        vendorCostUsd: row.costUsd,
        dedupeKey: keys.next(row),
        sourcePath: file.path,
        sourceOffset: record.line,
        parserVersion: CURSOR_PARSER_VERSION,
      },
    })
  }
  return { problem: null, rows: records.length - 1 + (tornTail ? 1 : 0), usage, skips }
}

export function parseCursorCsv(bytes: Uint8Array, file: SourceFileRef, state: CursorCsvState): ParseResult<CursorCsvState> {
  const read = readCursorExport(bytes, file)
  return { events: read.usage.map((u) => u.event), limits: [], skips: read.skips, state }
}
