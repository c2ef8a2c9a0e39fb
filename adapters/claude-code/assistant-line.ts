import type { SourceFileRef } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import type { PathFacts } from './source-path.ts'
import { isRecord, isZero, usageTokens } from './usage-tokens.ts'

/** Bump when the mapping below changes meaning, so the engine can re-derive stored events. */
export const PARSER_VERSION = 1

/** Why a candidate line (one that mentions `"usage"` and `"assistant"`) produced no event. */
export type SkipReason =
  | 'malformed-json'
  | 'not-object'
  | 'progress-mirror'
  | 'not-assistant'
  | 'no-usage'
  | 'synthetic'
  | 'no-model'
  | 'zero-tokens'
  | 'bad-timestamp'
  | 'no-id'
  | 'line-too-large'

export interface LineContext {
  readonly file: SourceFileRef
  readonly facts: PathFacts
  /** Absolute byte offset of the line in its file. */
  readonly offset: number
}

/** ISO-8601 with an explicit zone: without one, Date.parse would read local time and shift days per machine. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i

/**
 * One transcript line → one usage event, or the reason it is not one. Never throws.
 *
 * Every copy of a streamed response is emitted with the same `dedupeKey`: merging copies (per-field max)
 * and dropping sidechain replays are global decisions the ledger makes across files and runs.
 */
export function lineToEvent(json: string, ctx: LineContext): UsageEvent | SkipReason {
  let line: unknown
  try {
    // A UTF-8 BOM at the start of a file is not JSON whitespace.
    line = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json)
  } catch {
    return 'malformed-json'
  }
  if (!isRecord(line)) return 'not-object'
  // `agent_progress` mirrors repeat a subagent's usage that its own transcript already holds.
  if (line['type'] === 'progress') return 'progress-mirror'
  // User lines (incl. Task `toolUseResult.usage`, a summary of the subagent's own lines) are not billable.
  if (line['type'] !== 'assistant') return 'not-assistant'
  const message = line['message']
  if (!isRecord(message) || !isRecord(message['usage'])) return 'no-usage'
  const usage = message['usage']
  // `<synthetic>` marks local error notices (`isApiErrorMessage`), never a model request.
  if (message['model'] === '<synthetic>') return 'synthetic'
  const model = text(message['model'])
  if (model === null) return 'no-model'
  const tokens = usageTokens(usage)
  if (isZero(tokens)) return 'zero-tokens'
  const stamp = text(line['timestamp'])
  const eventTs = stamp !== null && ISO_INSTANT.test(stamp) ? Date.parse(stamp) : Number.NaN
  if (!Number.isFinite(eventTs)) return 'bad-timestamp'

  const messageId = text(message['id'])
  const requestId = text(line['requestId'])
  const dedupeKey = keyOf(messageId, requestId, text(line['uuid']))
  if (dedupeKey === null) return 'no-id'
  const cost = line['costUSD']
  return {
    eventTs,
    provider: 'claude',
    modelRaw: withSpeed(model, usage['speed']),
    sessionId: text(line['sessionId']) ?? ctx.facts.sessionId ?? 'unknown',
    requestId,
    messageId,
    isSidechain: line['isSidechain'] === true,
    project: text(line['cwd']) ?? ctx.facts.projectDir,
    account: ctx.file.root.account,
    tokens,
    vendorCostUsd: typeof cost === 'number' && Number.isFinite(cost) && cost >= 0 ? cost : null,
    dedupeKey,
    sourcePath: ctx.file.path,
    sourceOffset: ctx.offset,
    parserVersion: PARSER_VERSION,
  }
}

/**
 * `(message.id, requestId)` identifies one API response across files (agent-formats.md §3.6); a missing
 * requestId is allowed. Without a message id the line's own `uuid` is the only identity that survives a
 * file being rewritten or copied (session resume); a key from offsets would not, so such lines are skipped.
 */
function keyOf(messageId: string | null, requestId: string | null, uuid: string | null): string | null {
  if (messageId !== null) return requestId !== null ? `claude:${messageId}:${requestId}` : `claude:${messageId}`
  return uuid !== null ? `claude:line:${uuid}` : null
}

/**
 * Fast mode is billed at a multiple of the normal price, but the model id does not say so: we keep the
 * logged id verbatim and append `-fast` (as ccusage does) only when `usage.speed === "fast"`. Pricing peels
 * `-fast` off as a priced speed variant of the base model (pricing-and-plans.md §6).
 */
function withSpeed(model: string, speed: unknown): string {
  return speed === 'fast' && !model.endsWith('-fast') ? `${model}-fast` : model
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}
