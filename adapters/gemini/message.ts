import type { SourceFileRef } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import { geminiDedupeKey } from './dedupe-key.ts'
import { isRecord, nonEmptyString } from './json.ts'
import type { GeminiSkipReason } from './skips.ts'
import { isZeroTokens, readGeminiTokens, toTokenCounts } from './usage-tokens.ts'

export const GEMINI_PARSER_VERSION = 1

/** Model label for a message with usage but no `model` field, kept verbatim so it is visibly unpriced. */
export const UNKNOWN_MODEL = 'unknown'

/** Where a message record was found. */
export interface MessageSource {
  readonly sessionId: string
  readonly project: string | null
  readonly file: SourceFileRef
  /** Byte offset of the JSONL line, or the message's index in a legacy file's `messages`. */
  readonly offset: number
}

/**
 * One `MessageRecord` → a usage event, a skip reason, or null for a record that never carries usage
 * (user, info, error and warning messages have no `tokens` field at all). Only counts and metadata are
 * read: `content`, `thoughts` and `toolCalls` are never looked at. The event time is the message's own
 * `timestamp`, which every rewrite of the message keeps.
 */
export function readMessage(record: unknown, src: MessageSource): UsageEvent | GeminiSkipReason | null {
  if (!isRecord(record)) return 'unknown-shape'
  const raw = record['tokens']
  if (raw === undefined) return null
  if (raw === null) return 'no-tokens'
  const id = nonEmptyString(record['id'])
  if (id === null) return 'no-message-id'
  const tokens = readGeminiTokens(raw)
  if (tokens === null) return 'bad-tokens'
  const ts = record['timestamp']
  const eventTs = typeof ts === 'string' ? Date.parse(ts) : Number.NaN
  if (!Number.isFinite(eventTs)) return 'bad-timestamp'
  if (isZeroTokens(tokens)) return 'zero-tokens'
  return {
    eventTs,
    provider: 'gemini',
    modelRaw: nonEmptyString(record['model']) ?? UNKNOWN_MODEL,
    sessionId: src.sessionId,
    requestId: null,
    messageId: id,
    isSidechain: false,
    project: src.project,
    account: src.file.root.account,
    tokens: toTokenCounts(tokens),
    vendorCostUsd: null,
    dedupeKey: geminiDedupeKey(src.sessionId, id),
    sourcePath: src.file.path,
    sourceOffset: src.offset,
    parserVersion: GEMINI_PARSER_VERSION,
  }
}
