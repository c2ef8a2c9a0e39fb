import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import type { DiscoveryContext, SourceFileRef } from '../../common/adapter-contract.ts'
import type { CursorImportView } from '../../common/methods/sources-methods.ts'
import { cursorCsvAdapter, cursorImportRoot, readCursorExport } from '../../adapters/cursor/index.ts'
import type { LedgerWriter } from '../store/ledger-writer.ts'
import { runIngest } from './ingest-run.ts'

/**
 * Importing a Cursor dashboard usage CSV, shared by `tokenledger import cursor FILE` and the preferences
 * window (`sources.importCursor`): check that the file is a usage-events export, copy it into the watched
 * import folder (`<home>/.tokenledger/imports/cursor`, named by content hash, written beside and renamed
 * so a watcher never sees half a file), and ingest it through the normal path. Keeping the file there
 * means a rebuild reads it again; overlapping exports share row keys, so nothing is counted twice.
 */

/** The file was refused (not an export, unreadable, cannot be kept): one line a user can act on. */
export class CursorImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CursorImportError'
  }
}

export interface CursorImportInput {
  readonly ctx: DiscoveryContext
  readonly writer: LedgerWriter
  readonly now?: () => number
}

/**
 * Imports `file` into the ledger behind `writer`. An explicit import always reads its file, whatever the
 * source settings say: the user asked for exactly this file.
 */
export function importCursorFile(file: string, input: CursorImportInput): CursorImportView {
  const source = resolve(file)
  const bytes = readSource(source)
  const root = cursorImportRoot(input.ctx)
  const read = readCursorExport(bytes, { path: source, root })
  if (read.problem !== null) throw new CursorImportError(`${file} is not a Cursor usage export: ${read.problem}`)
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

  // Only this one file is read: a known path needs no directory walk.
  const ref: SourceFileRef = { path: storedAs, root }
  const summary = runIngest(input.writer, [cursorCsvAdapter], input.ctx, {
    ...(input.now === undefined ? {} : { now: input.now }),
    only: new Set([storedAs]),
    discovery: { roots: [{ adapter: cursorCsvAdapter, root, exists: true }], files: [{ adapter: cursorCsvAdapter, file: ref }] },
  })
  const failure = summary.errors.find((e) => e.path === storedAs)
  if (failure !== undefined) throw new CursorImportError(`could not read ${storedAs}: ${failure.error}`)

  const byKind: Record<string, number> = {}
  for (const { row } of read.usage) byKind[row.kind ?? '(none)'] = (byKind[row.kind ?? '(none)'] ?? 0) + 1
  return {
    schemaVersion: 1,
    source,
    storedAs,
    alreadyImported,
    rows: read.rows,
    usageRows: read.usage.length,
    newEvents: summary.newEvents,
    skipped: read.skips,
    firstEventAt: first === null ? null : new Date(first).toISOString(),
    lastEventAt: last === null ? null : new Date(last).toISOString(),
    byKind,
    cursorCostUsd: Math.round(read.usage.reduce((s, u) => s + (u.row.costUsd ?? 0), 0) * 1e6) / 1e6,
  }
}

/** Far above any real export (a year of heavy use is tens of MB): a bigger file is not one, and is not loaded. */
const MAX_EXPORT_BYTES = 512 * 1024 * 1024

function readSource(path: string): Buffer {
  try {
    if (statSync(path).size > MAX_EXPORT_BYTES) throw new CursorImportError(`${path} is larger than 512 MiB: not a Cursor usage export`)
    return readFileSync(path)
  } catch (err) {
    if (err instanceof CursorImportError) throw err
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(err))
    throw new CursorImportError(`cannot read ${path}: ${why}`)
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
    throw new CursorImportError(`cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`)
  }
}
