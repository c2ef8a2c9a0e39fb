import { ZERO_TOKENS, type TokenCounts } from '../../common/tokens.ts'
import { tokensOf, type TokenColumns } from './token-columns.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import type { Db } from './open-ledger.ts'

/**
 * Turns running totals (events with `cumulativeKey`) into increase events. The baseline per key is the
 * per-field maximum total seen, so an older copy of a session, a re-read, or a total that went backwards
 * adds nothing, while every real increase becomes one event dated when it was observed.
 */
export class CumulativeBaselines {
  private readonly getStmt
  private readonly putStmt

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], TokenColumns>('SELECT input, output, cache_read, cache_write_5m, cache_write_1h, reasoning FROM cumulative_baselines WHERE cumulative_key = ?')
    this.putStmt = db.prepare(
      `INSERT INTO cumulative_baselines (cumulative_key, input, output, cache_read, cache_write_5m, cache_write_1h, reasoning, updated_ts)
       VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(cumulative_key) DO UPDATE SET input = excluded.input, output = excluded.output,
         cache_read = excluded.cache_read, cache_write_5m = excluded.cache_write_5m, cache_write_1h = excluded.cache_write_1h,
         reasoning = excluded.reasoning, updated_ts = excluded.updated_ts`,
    )
  }

  /** Must run in the writer's transaction. Returns the batch with running totals replaced by increases. */
  toIncrements(events: readonly UsageEvent[]): UsageEvent[] {
    if (!events.some((e) => e.cumulativeKey != null)) return events as UsageEvent[]
    const out: UsageEvent[] = []
    for (const e of events) {
      const key = e.cumulativeKey
      if (key == null) {
        out.push(e)
        continue
      }
      const row = this.getStmt.get(key)
      const base: TokenCounts = row === undefined ? ZERO_TOKENS : tokensOf(row)
      const t = e.tokens
      const increase: TokenCounts = {
        input: Math.max(0, t.input - base.input),
        output: Math.max(0, t.output - base.output),
        cacheRead: Math.max(0, t.cacheRead - base.cacheRead),
        cacheWrite5m: Math.max(0, t.cacheWrite5m - base.cacheWrite5m),
        cacheWrite1h: Math.max(0, t.cacheWrite1h - base.cacheWrite1h),
        reasoning: Math.max(0, t.reasoning - base.reasoning),
      }
      if (increase.input + increase.output + increase.cacheRead + increase.cacheWrite5m + increase.cacheWrite1h === 0) continue
      const next: TokenCounts = {
        input: Math.max(t.input, base.input),
        output: Math.max(t.output, base.output),
        cacheRead: Math.max(t.cacheRead, base.cacheRead),
        cacheWrite5m: Math.max(t.cacheWrite5m, base.cacheWrite5m),
        cacheWrite1h: Math.max(t.cacheWrite1h, base.cacheWrite1h),
        reasoning: Math.max(t.reasoning, base.reasoning),
      }
      this.putStmt.run(key, next.input, next.output, next.cacheRead, next.cacheWrite5m, next.cacheWrite1h, next.reasoning, e.eventTs)
      out.push({
        ...e,
        tokens: increase,
        cumulativeKey: null,
        // One event per distinct total reached: the key names the total, so it is stable across re-reads.
        dedupeKey: `${key}@${next.input},${next.output},${next.cacheRead},${next.cacheWrite5m},${next.cacheWrite1h},${next.reasoning}`,
      })
    }
    return out
  }
}
