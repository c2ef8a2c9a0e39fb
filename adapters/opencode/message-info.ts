import { finiteNumber, isRecord, nonEmptyString } from './json.ts'
import type { OpencodeSkipReason } from './skips.ts'

/** The facts of an assistant message a usage event needs (never its text: OpenCode keeps text in parts). */
export interface MessageInfo {
  /** `time.created` (ms): every step of the message is dated by it, in the DB and in legacy JSON alike. */
  readonly created: number
  readonly completed: number | null
  /** `providerID/modelID`, or the bare model id when the provider is unknown. */
  readonly model: string
  /** `agent`, or the deprecated `mode`, or ''. */
  readonly agent: string
  readonly cwd: string | null
  readonly cost: number | null
  /** The message's own `tokens` (raw): the LAST step's tokens on multi-step messages. */
  readonly tokens: unknown
  readonly aborted: boolean
}

export const UNKNOWN_MODEL = 'unknown'

/** Reads an assistant message's JSON (`message.data`, or a legacy `storage/message/…json` file). */
export function readMessageInfo(value: unknown): MessageInfo | OpencodeSkipReason {
  if (!isRecord(value)) return 'unknown-shape'
  const time = isRecord(value['time']) ? value['time'] : {}
  const created = finiteNumber(time['created'])
  if (created === null || created <= 0) return 'bad-timestamp'
  const modelId = nonEmptyString(value['modelID'])
  const providerId = nonEmptyString(value['providerID'])
  const path = isRecord(value['path']) ? value['path'] : {}
  const error = isRecord(value['error']) ? value['error'] : null
  return {
    created,
    completed: finiteNumber(time['completed']),
    model: modelId === null ? UNKNOWN_MODEL : providerId === null ? modelId : `${providerId}/${modelId}`,
    agent: nonEmptyString(value['agent']) ?? nonEmptyString(value['mode']) ?? '',
    cwd: nonEmptyString(path['cwd']),
    cost: nonNegative(value['cost']),
    tokens: value['tokens'],
    aborted: error !== null && error['name'] === 'MessageAbortedError',
  }
}

/** A cost the agent reported: a finite, non-negative number, else null. */
export function nonNegative(value: unknown): number | null {
  const n = finiteNumber(value)
  return n !== null && n >= 0 ? n : null
}
