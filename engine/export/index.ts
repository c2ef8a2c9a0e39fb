/** Report export: CSV, JSON, Markdown and an invoice-style HTML, built from the rollups only. */
import type { ReportContext } from '../reports/report-context.ts'
import { renderCsv } from './csv.ts'
import { buildExport, type ExportOptions } from './export-rows.ts'
import type { ExportFormat } from './export-types.ts'
import { renderHtml } from './html.ts'
import { renderJson } from './json.ts'
import { renderMarkdown } from './markdown.ts'

export { buildExport } from './export-rows.ts'
export type { ExportBundle, ExportOptions } from './export-rows.ts'
export { EXPORT_FORMATS, EXPORT_GROUPS } from './export-types.ts'
export type { ExportData, ExportFormat, ExportGroup, ExportRow } from './export-types.ts'
export { renderCsv, renderHtml, renderJson, renderMarkdown }

/** The whole export as text in the given format. */
export function renderExport(ctx: ReportContext, options: ExportOptions & { readonly format: ExportFormat }): string {
  const bundle = buildExport(ctx, options)
  switch (options.format) {
    case 'csv':
      return renderCsv(bundle.data)
    case 'json':
      return renderJson(bundle.data)
    case 'md':
      return renderMarkdown(bundle.data)
    case 'html':
      return renderHtml(bundle)
  }
}
