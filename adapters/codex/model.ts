import { isRecord, nonEmptyString, type JsonRecord } from './json.ts'

/**
 * Model label for requests seen before any model is known (early Sept-2025 builds logged no model, and a
 * truncated head loses the first turn_context). Kept verbatim as the model string so the event is visibly
 * unattributed, never guessed into a priced model.
 */
export const UNKNOWN_MODEL = 'unknown'

/**
 * The model a payload names. `turn_context.payload.model` is where Codex writes it; some builds also put
 * it on other payloads as `model`, `model_name` or `metadata.model`, directly or under `info` (the keys
 * ccusage's `codex_model_from_payload` accepts).
 */
export function modelFromPayload(payload: JsonRecord): string | null {
  return modelOf(payload) ?? (isRecord(payload['info']) ? modelOf(payload['info']) : null)
}

function modelOf(obj: JsonRecord): string | null {
  const metadata = obj['metadata']
  return (
    nonEmptyString(obj['model']) ??
    nonEmptyString(obj['model_name']) ??
    (isRecord(metadata) ? nonEmptyString(metadata['model']) : null)
  )
}
