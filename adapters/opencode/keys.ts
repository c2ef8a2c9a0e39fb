import type { MessageInfo } from './message-info.ts'
import { rawTuple, type RawTokens } from './tokens.ts'

/**
 * Ledger identities. OpenCode copies rows under NEW ids in two ways: `Session.fork` clones every message
 * and part of a session (keeping time, model, tokens and cost), and the JSON→SQLite migration copies the
 * legacy JSON tree into the DB while leaving the files in place. So no key contains a row id or a session
 * id; they are fingerprints of what a copy keeps.
 *
 * - `messageIdentity`: one assistant message, wherever a copy of it lives. Only fields that are fixed when
 *   the message is created (a running message's tokens, cost and `time.completed` change after every
 *   step), so every step of a message, and the message's own row, share it. It is the events' `messageId`.
 * - `stepKey`: one provider call = one `step-finish` part. The part is insert-only, so its tokens and cost
 *   are final; its ordinal among the message's step-finish parts keeps two identical steps apart.
 * - `messageKey`: a message counted from its own row (it has no parts, or it is a legacy JSON file).
 */
export function messageIdentity(info: MessageInfo): string {
  return `opencode:${info.created}:${info.model}:${info.agent}`
}

export function stepKey(info: MessageInfo, ordinal: number, tokens: RawTokens, cost: number | null): string {
  return `${messageIdentity(info)}:step${ordinal}:${rawTuple(tokens)}:${cost ?? '-'}`
}

export function messageKey(info: MessageInfo, tokens: RawTokens): string {
  return `${messageIdentity(info)}:msg:${info.completed ?? '-'}:${rawTuple(tokens)}:${info.cost ?? '-'}`
}
