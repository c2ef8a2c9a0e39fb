export { isRecord, type JsonRecord, finiteNumber } from '../shared/json.ts'
/** A non-empty string, else null: Codex writes `""` and `null` for unknown fields alike. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}
