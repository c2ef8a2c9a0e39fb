import type { Db } from './open-ledger.ts'
import type { RollupAccumulator, RollupDelta } from './rollup-delta.ts'

/** Applies a batch's accumulated rollup deltas as upserts; rows that fall to zero requests are removed. */
export class RollupWriter {
  private readonly upsertQ
  private readonly upsertSession
  private readonly pruneQ
  private readonly pruneSessions

  constructor(db: Db) {
    this.upsertQ = db.prepare(
      `INSERT INTO rollup_q15 (q15, provider, account, project, model_raw, ctx_bucket, requests, input, output,
         cache_read, cache_write_5m, cache_write_1h, reasoning, vendor_cost_usd)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
       ON CONFLICT DO UPDATE SET requests = requests + excluded.requests, input = input + excluded.input,
         output = output + excluded.output, cache_read = cache_read + excluded.cache_read,
         cache_write_5m = cache_write_5m + excluded.cache_write_5m, cache_write_1h = cache_write_1h + excluded.cache_write_1h,
         reasoning = reasoning + excluded.reasoning, vendor_cost_usd = vendor_cost_usd + excluded.vendor_cost_usd`,
    )
    this.upsertSession = db.prepare(
      `INSERT INTO session_rollup (provider, session_id, utc_day, model_raw, ctx_bucket, account, project, first_ts,
         last_ts, requests, input, output, cache_read, cache_write_5m, cache_write_1h, reasoning, vendor_cost_usd)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
       ON CONFLICT DO UPDATE SET first_ts = min(first_ts, excluded.first_ts), last_ts = max(last_ts, excluded.last_ts),
         requests = requests + excluded.requests, input = input + excluded.input, output = output + excluded.output,
         cache_read = cache_read + excluded.cache_read, cache_write_5m = cache_write_5m + excluded.cache_write_5m,
         cache_write_1h = cache_write_1h + excluded.cache_write_1h, reasoning = reasoning + excluded.reasoning,
         vendor_cost_usd = vendor_cost_usd + excluded.vendor_cost_usd`,
    )
    this.pruneQ = db.prepare('DELETE FROM rollup_q15 WHERE requests <= 0')
    this.pruneSessions = db.prepare('DELETE FROM session_rollup WHERE requests <= 0')
  }

  apply(delta: RollupDelta): void {
    let removed = false
    for (const [key, a] of delta.q15) {
      if (isNoop(a)) continue
      const [q, provider, account, project, model, ctx] = key.split('\u0000')
      this.upsertQ.run(Number(q), provider, account, project, model, Number(ctx), a.requests, a.input, a.output, a.cacheRead, a.cacheWrite5m, a.cacheWrite1h, a.reasoning, a.vendorCost)
      if (a.requests < 0) removed = true
    }
    for (const [key, a] of delta.sessions) {
      if (isNoop(a)) continue
      const [provider, session, day, model, ctx, account, project] = key.split('\u0000')
      this.upsertSession.run(provider, session, Number(day), model, Number(ctx), account, project, a.firstTs, a.lastTs, a.requests, a.input, a.output, a.cacheRead, a.cacheWrite5m, a.cacheWrite1h, a.reasoning, a.vendorCost)
      if (a.requests < 0) removed = true
    }
    if (removed) {
      this.pruneQ.run()
      this.pruneSessions.run()
    }
  }
}

function isNoop(a: RollupAccumulator): boolean {
  return (
    a.requests === 0 && a.input === 0 && a.output === 0 && a.cacheRead === 0 && a.cacheWrite5m === 0 &&
    a.cacheWrite1h === 0 && a.reasoning === 0 && a.vendorCost === 0
  )
}
