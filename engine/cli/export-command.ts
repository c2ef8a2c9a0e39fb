import type { Command } from 'commander'
import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { EXPORT_FORMATS, EXPORT_GROUPS, renderExport } from '../export/index.ts'
import { guarded } from './guarded.ts'
import { openEngine } from './open-engine.ts'
import { reportFilter, UsageError, type CommonFlags } from './options.ts'

interface ExportFlags extends CommonFlags {
  format?: string
  group?: string
  out?: string
}

/**
 * `tokenledger export --format csv|json|md|html --group day|month|provider|model|project|session [--out FILE]`:
 * a report as a file for spreadsheets, scripts, notes, or an invoice-style HTML page. Counts and ids only.
 */
export function registerExportCommand(program: Command, withCommonFlags: (c: Command) => Command): void {
  withCommonFlags(program.command('export').description('write usage and cost as CSV, JSON, Markdown or an invoice-style HTML report'))
    .option('--format <format>', `output format: ${EXPORT_FORMATS.join(', ')}`)
    .option('--group <group>', `one line per: ${EXPORT_GROUPS.join(', ')}`)
    .option('--out <file>', 'write to FILE instead of standard output')
    .action(guarded(exportCommand))
}

export function exportCommand(flags: ExportFlags): void {
  const format = choice(flags.format, EXPORT_FORMATS, '--format')
  const group = choice(flags.group, EXPORT_GROUPS, '--group')
  const filter = reportFilter(flags)
  // Check the destination before reading any logs: a first backfill can take a while.
  const out = flags.out === undefined ? undefined : resolve(flags.out)
  if (out !== undefined) assertWritable(out)
  const engine = openEngine(flags, filter.timezone)
  let text: string
  try {
    text = renderExport(engine.reportContext(), { format, group, filter })
  } finally {
    engine.close()
  }
  if (out === undefined) process.stdout.write(text)
  else {
    writeAtomically(out, text)
    process.stderr.write(`Wrote ${out}\n`)
  }
}

function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (value === undefined) throw new UsageError(`${flag} is required (one of ${allowed.join(', ')})`)
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} "${value}" is not one of ${allowed.join(', ')}`)
  return value as T
}

function assertWritable(file: string): void {
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out ${file} is a directory; give a file name`)
    accessSync(dirname(file), constants.W_OK)
  } catch (err) {
    if (err instanceof UsageError) throw err
    throw new UsageError(`cannot write --out ${file}: ${reason(err)}`)
  }
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'its folder does not exist'
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied'
  return code ?? (err as Error).message
}

/** Writes beside the target and renames, so a reader (a PDF step, a sync client) never sees half a file. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, text)
    renameSync(tmp, file)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw new UsageError(`cannot write --out ${file}: ${reason(err)}`)
  }
}
