import type { ExportFormatName, ExportRendered } from '../../../common/methods/export-methods.ts'
import { InputError } from '../../core/input-error.ts'
import { renderExport } from '../../export/index.ts'
import type { Handlers } from './handler-types.ts'

/** What a browser or the OS should treat each file as (CSV and Markdown per RFC 4180 / RFC 7763). */
export const EXPORT_MIME_TYPES: Record<ExportFormatName, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

/** Report export from the popover: the same rendering as `tokenledger export`, in the ledger's time zone. */
export const exportHandlers: Handlers<'export.render'> = {
  'export.render': ({ engine }, { format, group, since, until }): ExportRendered => {
    // A reversed range would render an empty report that looks like "no usage"; say what is wrong instead.
    if (since > until) throw new InputError([{ field: 'until', message: `must be on or after ${since}` }])
    const content = renderExport(engine.reportContext(), { format, group, filter: { since, until, timezone: engine.timezone } })
    return { content, suggestedName: `tokenledger-${since}_${until}-by-${group}.${format}`, mimeType: EXPORT_MIME_TYPES[format] }
  },
}
