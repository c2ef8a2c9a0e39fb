import type { SkipCounts, SourceFileRef } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import { messageIdentity, messageKey, stepKey } from './keys.ts'
import type { MessageInfo } from './message-info.ts'
import { bump } from './skips.ts'
import { isZeroTokens, readRawTokens, toTokenCounts } from './tokens.ts'

export const OPENCODE_PARSER_VERSION = 1

/** Where a row or file sits: provenance plus the session it belongs to. */
export interface RowSource {
  readonly file: SourceFileRef
  readonly sessionId: string
  /** Row id (database) or 0 (a legacy JSON file). */
  readonly offset: number
}

/**
 * One provider call: a `step-finish` part `{cost, tokens}`, with time, model, agent and cwd from its
 * message. Counted even when the message was later aborted: a finished step was billed.
 */
export function stepEvent(info: MessageInfo, part: { tokens: unknown; cost: number | null; ordinal: number }, src: RowSource, skips: SkipCounts): UsageEvent | null {
  const raw = readRawTokens(part.tokens)
  if (raw === null) {
    bump(skips, 'bad-usage')
    return null
  }
  if (isZeroTokens(raw)) {
    bump(skips, 'zero-tokens')
    return null
  }
  return build(info, src, toTokenCounts(raw), part.cost, stepKey(info, part.ordinal, raw, part.cost), false)
}

/**
 * A message counted from its own row: the DB's messages without parts, and legacy JSON files (which cannot
 * see their part files). Its tokens are the LAST step's (OpenCode replaces them on every step, an open
 * upstream bug) while its cost is the sum of the steps. So the event is marked as a weak copy
 * (`isSidechain`) of the message: the ledger drops it as soon as any step of the same message is stored,
 * in either arrival order, and keeps it (once) when no step ever is — a legacy-only session.
 */
export function messageEvent(info: MessageInfo, src: RowSource, skips: SkipCounts): UsageEvent | null {
  const raw = readRawTokens(info.tokens)
  if (raw === null) {
    bump(skips, 'bad-usage')
    return null
  }
  // Aborted before the first step finished, or still running: nothing was billed yet.
  if (isZeroTokens(raw)) {
    bump(skips, info.aborted ? 'aborted' : 'zero-tokens')
    return null
  }
  return build(info, src, toTokenCounts(raw), info.cost, messageKey(info, raw), true)
}

function build(info: MessageInfo, src: RowSource, tokens: UsageEvent['tokens'], cost: number | null, dedupeKey: string, weak: boolean): UsageEvent {
  return {
    eventTs: info.created,
    provider: 'opencode',
    modelRaw: info.model,
    sessionId: src.sessionId,
    requestId: null,
    messageId: messageIdentity(info),
    isSidechain: weak,
    project: info.cwd,
    account: src.file.root.account,
    tokens,
    vendorCostUsd: cost,
    dedupeKey,
    sourcePath: src.file.path,
    sourceOffset: src.offset,
    parserVersion: OPENCODE_PARSER_VERSION,
  }
}
