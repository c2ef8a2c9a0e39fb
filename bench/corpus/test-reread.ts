import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { ADAPTERS } from '../../adapters/index.ts'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import type { TotalsLine } from './expected.ts'

/** What the real engine stored for one provider: totals, per UTC day, and the skip reasons it counted. */
export interface EngineRead extends TotalsLine {
  byDay: Record<string, TotalsLine>
  skipReasons: string[]
}

interface Row {
  provider: string
  day: string
  requests: number
  input: number
  output: number
  cacheRead: number
  cacheWrite5m: number
  cacheWrite1h: number
  reasoning: number
}

const SUMS = `SELECT provider, strftime('%Y-%m-%d', event_ts / 1000, 'unixepoch') AS day, count(*) AS requests,
  sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite5m,
  sum(cache_write_1h) AS cacheWrite1h, sum(reasoning) AS reasoning FROM events GROUP BY provider, day ORDER BY provider, day`

const add = (into: TotalsLine, r: Row): void => {
  into.requests += r.requests
  for (const k of ['input', 'output', 'cacheRead', 'cacheWrite5m', 'cacheWrite1h', 'reasoning'] as const) into.tokens[k] += r[k]
}
const empty = (): TotalsLine => ({ requests: 0, tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 } })

/**
 * Ingests a generated home with the REAL engine (every adapter, discovery, SQLite ledger with its dedupe
 * and running-total baselines) into an in-memory ledger. The engine's reading of these formats is pinned by
 * the adapters' fixtures, so agreeing with it checks the generators' arithmetic.
 */
export function readWithEngine(home: string): Record<string, EngineRead> {
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const ctx: DiscoveryContext = { home, env: {}, platform: 'linux' }
  runIngest(ledger, ADAPTERS, ctx, { now: () => 0 })
  const out: Record<string, EngineRead> = {}
  for (const r of ledger.db.prepare(SUMS).all() as Row[]) {
    const p = (out[r.provider] ??= { ...empty(), byDay: {}, skipReasons: [] })
    add(p, r)
    add((p.byDay[r.day] ??= empty()), r)
  }
  for (const f of ledger.db.prepare('SELECT provider, skipped_json FROM source_files').all() as Array<{ provider: string; skipped_json: string }>) {
    const p = (out[f.provider] ??= { ...empty(), byDay: {}, skipReasons: [] })
    const reasons = Object.keys(JSON.parse(f.skipped_json) as Record<string, number>)
    p.skipReasons = [...new Set([...p.skipReasons, ...reasons])].sort()
  }
  ledger.db.close()
  return out
}
