import type { Command } from 'commander'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import type { AnyAdapter, DiscoveryContext, SkipCounts } from '../../common/adapter-contract.ts'
import { cursorCsvAdapter, cursorImportRoot, readCursorExport } from '../../adapters/cursor/index.ts'
import { defaultDbPath } from '../core/default-paths.ts'
import { discoveryContext } from '../core/discovery-context.ts'
import { Engine } from '../core/engine.ts'
import { LocalCalendar } from '../reports/local-time.ts'
import { guarded } from './guarded.ts'
import { reportFilter, UsageError, type CommonFlags } from './options.ts'
import { fmtInt } from './table.ts'

/** What one `import cursor FILE` did. Counts and dates only (a stable `--json` shape). */
export interface CursorImportResult {
  readonly schemaVersion: 1
  readonly source: string
  /** Where the export is kept (the watched import folder), named by its content hash. */
  readonly storedAs: string
  /** The same content was imported before: nothing was copied. */
  readonly alreadyImported: boolean
  /** Data rows in the file. */
  readonly rows: number
  /** Rows that are usage (each one event in the ledger). */
  readonly usageRows: number
  /** Usage rows the ledger did not have yet (an overlapping export adds only what is new). */
  readonly newEvents: number
  readonly skipped: SkipCounts
  /** First and last usage row, as UTC instants (ISO). */
  readonly firstEventAt: string | null
  readonly lastEventAt: string | null
  /** Usage rows per Cursor `Kind` (`Included`, `On-Demand`, … ; `(none)` in old exports). */
  readonly byKind: Record<string, number>
  /** Sum of Cursor's own `Cost` over the usage rows, USD (rows without a readable cost count 0). */
  readonly cursorCostUsd: number
}

export interface CursorImportOptions {
  readonly ctx: DiscoveryContext
  readonly dbPath: string
  readonly now?: () => number
  /** The adapters to ingest with; only the Cursor export adapter is needed to read the imported file. */
  readonly adapters?: readonly AnyAdapter[]
}

/**
 * `tokenledger import cursor FILE`: checks that FILE is a Cursor usage-events export, copies it into the
 * watched import folder (`<home>/.tokenledger/imports/cursor`, named by content hash, written beside and
 * renamed so a watcher never sees half a file), and ingests it through the normal path. Keeping the file
 * there means a rebuild reads it again; overlapping exports share row keys, so nothing is counted twice.
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

export function importCursorExport(file: string, options: CursorImportOptions): CursorImportResult {
  const source = resolve(file)
  const bytes = readSource(source)
  const root = cursorImportRoot(options.ctx)
  const read = readCursorExport(bytes, { path: source, root })
  if (read.problem !== null) throw new UsageError(`${file} is not a Cursor usage export: ${read.problem}`)
  // A loop, not Math.min(...xs): an export can have more rows than a call has room for arguments.
  let first: number | null = null
  let last: number | null = null
  for (const { row } of read.usage) {
    if (first === null || row.eventTs < first) first = row.eventTs
    if (last === null || row.eventTs > last) last = row.eventTs
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  const dir = resolve(root.dir)
  // Named by the newest row's date, then content: a folder of exports reads in order, and the same file imported twice is one file.
  const storedAs = join(dir, `cursor-usage-${last === null ? 'empty' : new Date(last).toISOString().slice(0, 10)}-${hash}.csv`)
  const alreadyImported = existsSync(storedAs)
  if (!alreadyImported) copyInto(storedAs, bytes)
  const engine = new Engine({
    dbPath: options.dbPath,
    discovery: options.ctx,
    timezone: 'UTC',
    adapters: options.adapters ?? [cursorCsvAdapter],
    ...(options.now === undefined ? {} : { now: options.now }),
  })
  let newEvents: number
  try {
    const summary = engine.ingest({ only: new Set([storedAs]) })
    const failure = summary.errors.find((e) => e.path === storedAs)
    if (failure !== undefined) throw new UsageError(`could not read ${storedAs}: ${failure.error}`)
    newEvents = summary.newEvents
  } finally {
    engine.close()
  }
  const byKind: Record<string, number> = {}
  for (const { row } of read.usage) byKind[row.kind ?? '(none)'] = (byKind[row.kind ?? '(none)'] ?? 0) + 1
  return {
    schemaVersion: 1,
    source,
    storedAs,
    alreadyImported,
    rows: read.rows,
    usageRows: read.usage.length,
    newEvents,
    skipped: read.skips,
    firstEventAt: first === null ? null : new Date(first).toISOString(),
    lastEventAt: last === null ? null : new Date(last).toISOString(),
    byKind,
    cursorCostUsd: Math.round(read.usage.reduce((s, u) => s + (u.row.costUsd ?? 0), 0) * 1e6) / 1e6,
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

/** Far above any real export (a year of heavy use is tens of MB): a bigger file is not one, and is not loaded. */
const MAX_EXPORT_BYTES = 512 * 1024 * 1024

function readSource(path: string): Buffer {
  try {
    if (statSync(path).size > MAX_EXPORT_BYTES) throw new UsageError(`${path} is larger than 512 MiB: not a Cursor usage export`)
    return readFileSync(path)
  } catch (err) {
    if (err instanceof UsageError) throw err
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(err))
    throw new UsageError(`cannot read ${path}: ${why}`)
  }
}

/** Writes beside the target under a dot name (not a source file) and renames it into place. */
function copyInto(target: string, bytes: Uint8Array): void {
  const tmp = join(resolve(target, '..'), `.${basename(target)}.${process.pid}.tmp`)
  try {
    mkdirSync(resolve(target, '..'), { recursive: true })
    writeFileSync(tmp, bytes)
    renameSync(tmp, target)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw new UsageError(`cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
  }
}
