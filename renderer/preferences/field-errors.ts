import type { WireError } from '../../common/engine-methods.ts'

/**
 * An engine error as messages per form field: `{ 'prices.input': 'a price cannot be negative' }`.
 * `prefix` strips a leading path (`display.` for the display form); messages with no field of their own
 * land under `''` (shown above the form).
 */
export type FieldErrors = Readonly<Record<string, string>>

export function fieldErrors(error: WireError, prefix = ''): FieldErrors {
  if (error.fields === undefined || error.fields.length === 0) return { '': error.message }
  const out: Record<string, string> = {}
  for (const { field, message } of error.fields) {
    const key = field === '(input)' ? '' : prefix !== '' && field.startsWith(prefix) ? field.slice(prefix.length) : field
    out[key] = out[key] === undefined ? message : `${out[key]}; ${message}`
  }
  return out
}
