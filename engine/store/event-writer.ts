import type { UsageEvent } from '../../common/usage-event.ts'
import type { TokenCounts } from '../../common/tokens.ts'
import type { Db } from './open-ledger.ts'
import { eventKeyHash, messageKeyRange } from './hash-key.ts'
import { contributionOfRow, RollupDelta, type EventRollupColumns, type RollupContribution } from './rollup-delta.ts'
import { RollupWriter } from './rollup-writer.ts'
import { CumulativeBaselines } from './cumulative-baselines.ts'

export interface WriteStats {
  inserted: number
  /** Copies of an already stored request (streamed copies, re-reads); the stored row keeps per-field maxima. */
  merged: number
  /** Sidechain replays of a message already stored under another request id. */
  replaysDropped: number
}

interface StoredRow extends EventRollupColumns {
  id: number
  dedupe_key: string
  message_id: string | null
  is_sidechain: number
}

/**
 * Writes normalized events into the ledger with the GLOBAL dedupe rules (across files and runs):
 * 1. One row per dedupe key. Copies merge by per-field maximum of the token counts (a streamed Claude
 *    response's earlier copies carry a partial output count). The EARLIEST copy owns the request (its
 *    time, session, project and provenance): a copy made later (a Codex fork replaying its parent's
 *    history, re-stamped to the fork instant) must not take the request away from the original, whatever
 *    order the files are read in.
 * 2. Sidechain replays: a sidechain event whose message id is already stored under another dedupe key
 *    is a replay of parent usage, not new usage. Applied in either arrival order.
 * Rollups move with every change in the same transaction (the caller's).
 */
export class EventWriter {
  private readonly insert
  private readonly selectByHash
  private readonly updateTokens
  private readonly updateOwner
  private readonly deleteById
  private readonly selectByMsg
  private readonly rollups: RollupWriter
  private readonly cumulative: CumulativeBaselines
  /** Provider + message id of stored sidechain events; tiny, so other inserts rarely need a lookup. */
  private sidechainMsgs: Set<string> | null = null
  private readonly selectSidechainMessages

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO events (key_hash, dedupe_key, event_ts, provider, model_raw, session_id, request_id, message_id,
        is_sidechain, project, account, input, output, cache_read, cache_write_5m, cache_write_1h, reasoning,
        vendor_cost_usd, source_path, source_offset, parser_version, ingested_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    this.selectByHash = db.prepare<[number], StoredRow>(
      `SELECT id, dedupe_key, event_ts, provider, model_raw, session_id, message_id, is_sidechain, project, account,
        input, output, cache_read, cache_write_5m, cache_write_1h, reasoning, vendor_cost_usd FROM events WHERE key_hash = ?`,
    )
    this.updateTokens = db.prepare(
      `UPDATE events SET event_ts = ?, input = ?, output = ?, cache_read = ?, cache_write_5m = ?, cache_write_1h = ?,
        reasoning = ?, vendor_cost_usd = ? WHERE id = ?`,
    )
    this.updateOwner = db.prepare(
      'UPDATE events SET session_id = ?, project = ?, account = ?, source_path = ?, source_offset = ? WHERE id = ?',
    )
    this.deleteById = db.prepare('DELETE FROM events WHERE id = ?')
    this.selectByMsg = db.prepare<[number, number], StoredRow>(
      `SELECT id, dedupe_key, event_ts, provider, model_raw, session_id, message_id, is_sidechain, project, account,
        input, output, cache_read, cache_write_5m, cache_write_1h, reasoning, vendor_cost_usd FROM events
       WHERE key_hash BETWEEN ? AND ?`,
    )
    this.rollups = new RollupWriter(db)
    this.cumulative = new CumulativeBaselines(db)
    this.selectSidechainMessages = db.prepare<[], { provider: string; message_id: string }>(
      'SELECT provider, message_id FROM events WHERE is_sidechain = 1 AND message_id IS NOT NULL',
    )
  }

  /** Loaded on the first write, so read-only runs (reports) never pay for it. */
  private sidechainMessages(): Set<string> {
    if (this.sidechainMsgs === null) {
      this.sidechainMsgs = new Set()
      for (const row of this.selectSidechainMessages.iterate()) this.sidechainMsgs.add(`${row.provider}\u0000${row.message_id}`)
    }
    return this.sidechainMsgs
  }

  /** Applies a batch. Must run inside a transaction together with the source's checkpoint update. */
  write(events: readonly UsageEvent[], now: number): WriteStats {
    const stats: WriteStats = { inserted: 0, merged: 0, replaysDropped: 0 }
    if (events.length === 0) return stats
    const delta = new RollupDelta()
    for (const e of mergeCopies(this.cumulative.toIncrements(events))) this.writeOne(e, now, delta, stats)
    this.rollups.apply(delta)
    return stats
  }

  private writeOne(e: UsageEvent, now: number, delta: RollupDelta, stats: WriteStats): void {
    const msgKey = e.messageId === null ? null : `${e.provider}\u0000${e.messageId}`
    if (e.isSidechain && e.messageId !== null && this.isReplay(e, e.messageId)) {
      stats.replaysDropped++
      return
    }
    let keyHash = eventKeyHash(e.provider, e.messageId, e.dedupeKey)
    for (;;) {
      const res = this.insert.run(
        keyHash, e.dedupeKey, e.eventTs, e.provider, e.modelRaw, e.sessionId, e.requestId, e.messageId,
        e.isSidechain ? 1 : 0, e.project ?? '', e.account, e.tokens.input, e.tokens.output, e.tokens.cacheRead,
        e.tokens.cacheWrite5m, e.tokens.cacheWrite1h, e.tokens.reasoning, e.vendorCostUsd, e.sourcePath,
        e.sourceOffset, e.parserVersion, now,
      )
      if (res.changes === 1) {
        stats.inserted++
        delta.add(contributionOf(e), 1)
        if (e.isSidechain && msgKey !== null) this.sidechainMessages().add(msgKey)
        else if (msgKey !== null && e.messageId !== null && this.sidechainMessages().has(msgKey)) this.dropReplaysOf(e, e.messageId, delta, stats)
        return
      }
      const stored = this.selectByHash.get(keyHash)
      if (stored === undefined) throw new Error(`ledger: row with key hash ${keyHash} vanished during insert`)
      if (stored.dedupe_key !== e.dedupeKey) {
        keyHash = keyHash + 1 // a genuine 53-bit collision: probe the next slot
        continue
      }
      stats.merged++
      this.mergeInto(stored, e, delta)
      return
    }
  }

  /** Rows of the same message. The range is widened by a few slots for keys that probed past its end. */
  private rowsOfMessage(provider: string, messageId: string): StoredRow[] {
    const [lo, hi] = messageKeyRange(provider, messageId)
    return this.selectByMsg.all(lo, hi + PROBE_SLACK)
  }

  private isReplay(e: UsageEvent, messageId: string): boolean {
    for (const row of this.rowsOfMessage(e.provider, messageId)) {
      if (row.message_id === e.messageId && row.dedupe_key !== e.dedupeKey && row.provider === e.provider) return true
    }
    return false
  }

  /** A non-sidechain original arrived after its sidechain replay(s): remove the replays. */
  private dropReplaysOf(e: UsageEvent, messageId: string, delta: RollupDelta, stats: WriteStats): void {
    for (const row of this.rowsOfMessage(e.provider, messageId)) {
      if (row.is_sidechain === 1 && row.message_id === e.messageId && row.dedupe_key !== e.dedupeKey && row.provider === e.provider) {
        this.deleteById.run(row.id)
        delta.add(contributionOfRow(row), -1)
        stats.replaysDropped++
      }
    }
  }

  private mergeInto(stored: StoredRow, e: UsageEvent, delta: RollupDelta): void {
    const t = e.tokens
    const merged: TokenCounts = {
      input: Math.max(stored.input, t.input),
      output: Math.max(stored.output, t.output),
      cacheRead: Math.max(stored.cache_read, t.cacheRead),
      cacheWrite5m: Math.max(stored.cache_write_5m, t.cacheWrite5m),
      cacheWrite1h: Math.max(stored.cache_write_1h, t.cacheWrite1h),
      reasoning: Math.max(stored.reasoning, t.reasoning),
    }
    const ts = Math.min(stored.event_ts, e.eventTs)
    const cost = maxNullable(stored.vendor_cost_usd, e.vendorCostUsd)
    const old = contributionOfRow(stored)
    const earlierOwner = e.eventTs < stored.event_ts
    if (earlierOwner) {
      this.updateOwner.run(e.sessionId, e.project ?? '', e.account, e.sourcePath, e.sourceOffset, stored.id)
    }
    const owner = earlierOwner ? { sessionId: e.sessionId, project: e.project ?? '', account: e.account } : {}
    if (
      !earlierOwner &&
      ts === stored.event_ts && cost === stored.vendor_cost_usd && merged.input === stored.input &&
      merged.output === stored.output && merged.cacheRead === stored.cache_read &&
      merged.cacheWrite5m === stored.cache_write_5m && merged.cacheWrite1h === stored.cache_write_1h &&
      merged.reasoning === stored.reasoning
    ) {
      return
    }
    this.updateTokens.run(ts, merged.input, merged.output, merged.cacheRead, merged.cacheWrite5m, merged.cacheWrite1h, merged.reasoning, cost, stored.id)
    delta.add(old, -1)
    delta.add({ ...old, ...owner, eventTs: ts, tokens: merged, vendorCostUsd: cost }, 1)
  }
}

/** Probing after a hash collision moves a key up by one slot at a time; a handful covers any real case. */
const PROBE_SLACK = 8

/** Merges copies inside one batch first (streamed copies usually sit on consecutive lines). */
function mergeCopies(events: readonly UsageEvent[]): Iterable<UsageEvent> {
  const byKey = new Map<string, UsageEvent>()
  for (const e of events) {
    const prev = byKey.get(e.dedupeKey)
    if (prev === undefined) {
      byKey.set(e.dedupeKey, e)
      continue
    }
    const a = prev.tokens
    const b = e.tokens
    byKey.set(e.dedupeKey, {
      ...(e.eventTs < prev.eventTs ? e : prev),
      eventTs: Math.min(prev.eventTs, e.eventTs),
      vendorCostUsd: maxNullable(prev.vendorCostUsd, e.vendorCostUsd),
      tokens: {
        input: Math.max(a.input, b.input),
        output: Math.max(a.output, b.output),
        cacheRead: Math.max(a.cacheRead, b.cacheRead),
        cacheWrite5m: Math.max(a.cacheWrite5m, b.cacheWrite5m),
        cacheWrite1h: Math.max(a.cacheWrite1h, b.cacheWrite1h),
        reasoning: Math.max(a.reasoning, b.reasoning),
      },
    })
  }
  return byKey.values()
}

function maxNullable(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return Math.max(a, b)
}

function contributionOf(e: UsageEvent): RollupContribution {
  return {
    eventTs: e.eventTs,
    provider: e.provider,
    account: e.account,
    project: e.project ?? '',
    modelRaw: e.modelRaw,
    sessionId: e.sessionId,
    tokens: e.tokens,
    vendorCostUsd: e.vendorCostUsd,
  }
}
