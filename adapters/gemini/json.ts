export { isRecord, type JsonRecord } from '../shared/json.ts'
/** A non-empty string, else null. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}
