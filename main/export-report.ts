import type { MethodParams, RpcOutcome } from '../common/engine-methods.ts'
import type { ExportOutcome, ExportRequest } from '../common/methods/export-methods.ts'

/** A save dialog's file-type filter (Electron's `FileFilter` shape, without importing Electron). */
export interface SaveFilter {
  readonly name: string
  readonly extensions: readonly string[]
}

/**
 * What an export needs from its host. The app passes Electron's dialog, fs and an offscreen window
 * (main/print-pdf.ts); the browser tests pass a temp folder and Playwright. This module never imports
 * Electron, so both can run the same steps.
 */
export interface ExportDeps {
  /** The engine call; only `export.render` is used. */
  readonly request: (method: 'export.render', params: MethodParams<'export.render'>) => Promise<RpcOutcome<'export.render'>>
  /** Asks where to save, proposing `defaultName`; null when the user cancels. */
  readonly showSaveDialog: (defaultName: string, filters: readonly SaveFilter[]) => Promise<string | null>
  readonly writeFile: (path: string, data: string | Uint8Array) => Promise<void>
  /** Prints a self-contained HTML page to PDF bytes. */
  readonly printHtmlToPdf: (html: string) => Promise<Uint8Array>
}

const FILTERS: Record<ExportRequest['format'], SaveFilter> = {
  csv: { name: 'CSV (spreadsheets)', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  md: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'HTML report', extensions: ['html'] },
  pdf: { name: 'PDF report', extensions: ['pdf'] },
}

/**
 * Runs one export: the engine renders (PDF: the invoice HTML, printed here), the user picks where to
 * save, the file is written. The dialog comes after rendering so a bad range is reported before the
 * user is asked anything. Never throws: every failure is an outcome with a message.
 */
export async function exportReport(deps: ExportDeps, request: ExportRequest): Promise<ExportOutcome> {
  const { format, group, since, until } = request
  try {
    const rendered = await deps.request('export.render', { format: format === 'pdf' ? 'html' : format, group, since, until })
    if (!rendered.ok) return failed(rendered.error.message)
    const { content, suggestedName } = rendered.result
    const defaultName = format === 'pdf' ? suggestedName.replace(/\.html$/, '.pdf') : suggestedName
    const path = await deps.showSaveDialog(defaultName, [FILTERS[format]])
    if (path === null) return { ok: false, canceled: true }
    const data = format === 'pdf' ? await step('Could not print the PDF', () => deps.printHtmlToPdf(content)) : Buffer.from(content, 'utf8')
    await step(`Could not save ${path}`, () => deps.writeFile(path, data))
    return { ok: true, path, bytes: data.byteLength }
  } catch (error) {
    return failed(messageOf(error))
  }
}

/** Runs one step, prefixing its failure with what was being done (a bare EACCES says nothing to a user). */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw new Error(`${what}: ${messageOf(error)}`, { cause: error })
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function failed(message: string): ExportOutcome {
  return { ok: false, canceled: false, message }
}
