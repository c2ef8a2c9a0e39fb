export { isRecord, type JsonRecord, tokenCount } from '../shared/json.ts'
/** A non-empty (after trimming) string, else null. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/** ISO-8601 with a zone (`Z` or `±hh:mm`); a zoneless string would be read in the machine's zone. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i
/** Epoch milliseconds from 2001 on: smaller numbers are seconds or counters, not Amp's ms times. */
const MIN_EPOCH_MS = 1e12

/** UTC ms of an ISO timestamp with a zone or of an epoch-ms number, else null. */
export function timeMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= MIN_EPOCH_MS ? Math.floor(value) : null
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value.trim())) return null
  const ms = Date.parse(value.trim())
  return Number.isFinite(ms) ? ms : null
}

/** Amp message ids are small integers (`messageId`, `toMessageId`); strings are accepted as they are. */
export function messageIdOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null
  return nonEmptyString(value)
}
