import type { Command } from 'commander'
import { basename } from 'node:path'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import type { CursorImportView } from '../../common/methods/sources-methods.ts'
import { defaultDbPath } from '../core/default-paths.ts'
import { discoveryContext } from '../core/discovery-context.ts'
import { Engine } from '../core/engine.ts'
import { CursorImportError, importCursorFile } from '../ingest/cursor-import.ts'
import { LocalCalendar } from '../reports/local-time.ts'
import { guarded } from './guarded.ts'
import { reportFilter, UsageError, type CommonFlags } from './options.ts'
import { fmtInt } from './table.ts'

/** What one `import cursor FILE` did: the same shape as the preferences window's import (`--json`). */
export type CursorImportResult = CursorImportView

export interface CursorImportOptions {
  readonly ctx: DiscoveryContext
  readonly dbPath: string
  readonly now?: () => number
}

/**
 * `tokenledger import cursor FILE`: checks that FILE is a Cursor usage-events export, keeps it in the
 * watched import folder and ingests it (engine/ingest/cursor-import.ts, shared with the preferences window).
 */
export function registerImportCommand(program: Command, withCommonFlags: (c: Command) => Command): void {
  const imports = program.command('import').description('import usage that agents do not log locally (Cursor: the dashboard CSV export)')
  withCommonFlags(imports.command('cursor <file>').description("import Cursor's usage CSV (dashboard → Usage → Export); account-wide, as of the export date"))
    .action(guarded((file: string, flags: CommonFlags) => importCursorCommand(file, flags)))
}

export function importCursorCommand(file: string, flags: CommonFlags): void {
  if (flags.demo) throw new UsageError('import cannot be used with --demo')
  const timezone = reportFilter(flags).timezone
  const result = importCursorExport(file, { ctx: discoveryContext({ home: flags.home }), dbPath: flags.db ?? defaultDbPath() })
  process.stdout.write(flags.json ? JSON.stringify(result, null, 2) + '\n' : formatCursorImport(result, timezone))
}

/** Opens the ledger, imports the file (engine/ingest/cursor-import.ts) and closes it; a refused file is a usage error. */
export function importCursorExport(file: string, options: CursorImportOptions): CursorImportResult {
  const engine = new Engine({ dbPath: options.dbPath, discovery: options.ctx, timezone: 'UTC', ...(options.now === undefined ? {} : { now: options.now }) })
  try {
    return importCursorFile(file, { ctx: options.ctx, writer: engine.writer, now: engine.now })
  } catch (err) {
    throw err instanceof CursorImportError ? new UsageError(err.message) : err
  } finally {
    engine.close()
  }
}

/** The human summary: what was read, what is new, what was skipped and why, and what the rows mean. */
export function formatCursorImport(r: CursorImportResult, timezone: string): string {
  const cal = new LocalCalendar(timezone)
  const skipped = Object.values(r.skipped).reduce((a, b) => a + b, 0)
  const reasons = Object.entries(r.skipped).map(([reason, n]) => `${reason} ${fmtInt(n)}`).join(', ')
  const lines = [
    `Imported ${basename(r.source)}${r.alreadyImported ? ' (this exact file was imported before)' : ''}`,
    `  kept as ${r.storedAs}`,
    `  ${fmtInt(r.rows)} rows: ${fmtInt(r.usageRows)} usage rows, ${fmtInt(r.newEvents)} new in the ledger, ${fmtInt(r.usageRows - r.newEvents)} already there`,
    `  skipped ${fmtInt(skipped)}${skipped > 0 ? ` (${reasons})` : ''}`,
  ]
  if (r.firstEventAt !== null && r.lastEventAt !== null) {
    lines.push(`  dates ${cal.date(Date.parse(r.firstEventAt))} to ${cal.date(Date.parse(r.lastEventAt))} (${timezone}); Cursor's own cost $${r.cursorCostUsd.toFixed(2)}`)
  }
  lines.push("  Cursor's rows are account-wide (every machine), as of the export date; each row may combine several requests.")
  return lines.join('\n') + '\n'
}
