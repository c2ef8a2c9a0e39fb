import { z } from 'zod'
import { isoDate } from '../pricing-inputs.ts'

/** Report export. The engine renders text; the shell asks where to save it (and prints PDF from the HTML). */
import { EXPORT_FORMATS, EXPORT_GROUPS } from '../export-formats.ts'
export { EXPORT_FORMATS, EXPORT_GROUPS } from '../export-formats.ts'
export type { ExportFormatName, ExportGroupName } from '../export-formats.ts'

export const exportRequestFields = {
  group: z.enum(EXPORT_GROUPS),
  since: isoDate,
  until: isoDate,
}

export const exportParamSchemas = {
  'export.render': z.object({ format: z.enum(EXPORT_FORMATS), ...exportRequestFields }).strict(),
} as const

export interface ExportRendered {
  /** The whole file, UTF-8. */
  content: string
  /** e.g. `tokenledger-2026-11-01_2026-11-30-by-day.csv`. */
  suggestedName: string
  mimeType: string
}

export interface ExportResults {
  'export.render': ExportRendered
}

/** What the popover asks the shell for: the engine formats plus PDF (printed from the HTML by Electron). */
export const exportRequestSchema = z.object({ format: z.enum([...EXPORT_FORMATS, 'pdf']), ...exportRequestFields }).strict()
export type ExportRequest = z.infer<typeof exportRequestSchema>

export type ExportOutcome =
  | { readonly ok: true; readonly path: string; readonly bytes: number }
  | { readonly ok: false; readonly canceled: true }
  | { readonly ok: false; readonly canceled: false; readonly message: string }
