export { isRecord, type JsonRecord, tokenCount } from '../shared/json.ts'
/** A non-empty (after trimming) string, else null. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/** ISO-8601 with a zone (`Z` or `±hh:mm`); a zoneless string would be read in the machine's zone. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i

/** UTC ms of an ISO timestamp with a zone, else null. */
export function isoMs(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value.trim())) return null
  const ms = Date.parse(value.trim())
  return Number.isFinite(ms) ? ms : null
}
