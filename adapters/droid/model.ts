import { nonEmptyString } from './json.ts'

/** Model label for sessions that name none (older builds name it only in the transcript, which we do not read). */
export const UNKNOWN_MODEL = 'unknown'

/**
 * Droid's `model`, kept as logged apart from whitespace, which becomes `-`. The pricing layer already
 * normalizes Droid's spellings (engine/pricing/normalize-model.ts): it drops `custom:`, case, the
 * `[Provider]` tag (keeping the vendor as a tie-break hint) and its `-0` counter, and resolves `4.5` and
 * `4-5` alike (see model.test.ts). Doing more here would hurt: turning dots into dashes, as other readers
 * do, makes `glm-4.6` and `gemini-2.5-pro` unpriced, and dropping the tag loses the vendor hint. Only
 * spaces (`Claude Opus 4.5 Thinking [Anthropic]`, a display name) are beyond what pricing reads.
 */
export function droidModel(value: unknown): string {
  const name = nonEmptyString(value)
  return name === null ? UNKNOWN_MODEL : name.replace(/\s+/g, '-')
}
