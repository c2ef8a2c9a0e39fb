import type { SkipCounts, SourceFileRef } from '../../common/adapter-contract.ts'
import type { LimitReading, UsageEvent } from '../../common/usage-event.ts'
import { codexDedupeKey } from './dedupe-key.ts'
import { isRecord, type JsonRecord } from './json.ts'
import { rootThreadId } from './lineage.ts'
import { modelFromPayload, UNKNOWN_MODEL } from './model.ts'
import { readRateLimits } from './rate-limits.ts'
import { bump } from './skips.ts'
import { fileStem, type CodexState } from './state.ts'
import { isZeroUsage, readUsage, sameUsage, toTokenCounts } from './usage.ts'

export const CODEX_PARSER_VERSION = 1

export interface Sink {
  readonly events: UsageEvent[]
  readonly limits: LimitReading[]
  readonly skips: SkipCounts
}

/**
 * One `event_msg` / `token_count` line → at most one request (from `last_token_usage`) plus quota samples.
 *
 * The request is counted only when `total_token_usage` differs from the previous token_count's in this
 * file: Codex re-emits the same snapshot with a fresh timestamp on UI and rate-limit refreshes, and summing
 * those overcounts by 30–67 %. Usage is never derived from differences of totals, because totals go
 * backwards on compaction and resume; a regressed total simply becomes the new "previous". The event time
 * is the token_count's own timestamp (as ccusage does): the moment the response finished.
 */
export function readTokenCount(payload: JsonRecord, lineTs: unknown, offset: number, file: SourceFileRef, st: CodexState, out: Sink): void {
  const eventTs = typeof lineTs === 'string' ? Date.parse(lineTs) : Number.NaN
  if (!Number.isFinite(eventTs)) {
    bump(out.skips, 'bad-timestamp')
    return
  }
  // Quota samples ride on every token_count, including the usage-less and re-emitted ones.
  const limits = readRateLimits(payload['rate_limits'], eventTs, file.root.account)
  out.limits.push(...limits.readings)
  bump(out.skips, 'bad-rate-limits', limits.bad)

  st.model = modelFromPayload(payload) ?? st.model
  const info = payload['info']
  if (info === null || info === undefined) {
    bump(out.skips, 'no-info')
    return
  }
  const total = isRecord(info) ? readUsage(info['total_token_usage']) : null
  const last = isRecord(info) ? readUsage(info['last_token_usage']) : null
  if (total === null || last === null) {
    bump(out.skips, 'bad-usage')
    return
  }
  if (st.prevTotal !== null && sameUsage(total, st.prevTotal)) {
    bump(out.skips, 'reemitted')
    return
  }
  st.prevTotal = total
  if (isZeroUsage(last)) {
    bump(out.skips, 'zero-tokens')
    return
  }
  const tokens = toTokenCounts(last)
  if (tokens === null) {
    bump(out.skips, 'bad-usage')
    return
  }
  const sessionId = st.sessionId ?? fileStem(file.path)
  out.events.push({
    eventTs,
    provider: 'codex',
    modelRaw: st.model ?? UNKNOWN_MODEL,
    sessionId,
    requestId: null,
    messageId: null,
    isSidechain: false,
    project: st.project,
    account: file.root.account,
    tokens,
    vendorCostUsd: null,
    dedupeKey: codexDedupeKey(rootThreadId(sessionId, st.lineage), total, last),
    sourcePath: file.path,
    sourceOffset: offset,
    parserVersion: CODEX_PARSER_VERSION,
  })
}
