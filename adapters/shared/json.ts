/** Small, strict readers for decoded JSON, shared by the adapters (each agent's own quirks stay in its folder). */

/** A decoded JSON object (not an array, not null). */
export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A finite number, else null. */
export function finiteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/**
 * A token count: a missing or null field is 0 (not every build writes every field); a non-negative safe
 * integer is itself; anything else (a string, a negative or fractional number) is null, i.e. not usage.
 */
export function tokenCount(value: unknown): number | null {
  if (value === undefined || value === null) return 0
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null
}
