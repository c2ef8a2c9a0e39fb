/** A decoded JSON object (not an array, not null). */
export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A non-empty (after trimming) string, else null. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/**
 * A token count: a missing or null field is 0 (not every build writes every field); a non-negative safe
 * integer is itself; anything else (a string, a negative or fractional number) is null, i.e. not usage.
 */
export function tokenCount(value: unknown): number | null {
  if (value === undefined || value === null) return 0
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null
}

/** ISO-8601 with a zone (`Z` or `±hh:mm`); a zoneless string would be read in the machine's zone. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i

/** UTC ms of an ISO timestamp with a zone, else null. */
export function isoMs(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value.trim())) return null
  const ms = Date.parse(value.trim())
  return Number.isFinite(ms) ? ms : null
}
