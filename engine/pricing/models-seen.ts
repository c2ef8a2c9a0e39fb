import type { ProviderId } from '../../common/providers.ts'
import type { Db } from '../store/open-ledger.ts'

/** Usage per (provider, model as the agent spelled it), most tokens first. */
export interface ModelUsage {
  provider: ProviderId
  modelRaw: string
  requests: number
  tokens: number
}

/** Every model in the ledger with its usage: `prices check` and the override form's model list. */
export function modelUsage(db: Db): ModelUsage[] {
  return db
    .prepare<[], { provider: ProviderId; model_raw: string; requests: number; tokens: number }>(
      'SELECT provider, model_raw, sum(requests) AS requests, sum(input + output + cache_read + cache_write_5m + cache_write_1h) AS tokens FROM rollup_q15 GROUP BY provider, model_raw ORDER BY tokens DESC',
    )
    .all()
    .map((r) => ({ provider: r.provider, modelRaw: r.model_raw, requests: r.requests, tokens: r.tokens }))
}
