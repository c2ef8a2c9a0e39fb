/**
 * The export formats and groupings (a CLI and file-format contract). Kept apart from the export
 * method's zod schemas so the CLI's export code loads without the validation library.
 */
export const EXPORT_FORMATS = ['csv', 'json', 'md', 'html'] as const
export type ExportFormatName = (typeof EXPORT_FORMATS)[number]
export const EXPORT_GROUPS = ['day', 'month', 'provider', 'model', 'project', 'session'] as const
export type ExportGroupName = (typeof EXPORT_GROUPS)[number]
