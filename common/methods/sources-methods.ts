import { z } from 'zod'
import { absolutePath } from '../settings.ts'

/** Data-source actions (enable/disable and custom folders are settings: `settings.update { sources }`). */
export const sourcesParamSchemas = {
  /** Re-reads every source from the start; events whose files are gone are kept. */
  'ledger.rebuild': z.object({}).strict(),
  /** Imports a Cursor usage CSV export (copied into the watched import folder, then ingested). */
  'sources.importCursor': z.object({ path: absolutePath }).strict(),
} as const

/** What one Cursor import did. Counts and dates only; the same shape as `tokenledger import cursor --json`. */
export interface CursorImportView {
  readonly schemaVersion: 1
  readonly source: string
  readonly storedAs: string
  readonly alreadyImported: boolean
  readonly rows: number
  readonly usageRows: number
  readonly newEvents: number
  readonly skipped: Record<string, number>
  readonly firstEventAt: string | null
  readonly lastEventAt: string | null
  readonly byKind: Record<string, number>
  readonly cursorCostUsd: number
}

export interface SourcesResults {
  'ledger.rebuild': { files: number; newEvents: number; totalEvents: number; errors: string[] }
  'sources.importCursor': CursorImportView
}
