/** Test helper: ingests a fake home through the REAL engine (ledger dedupe included) with the OpenCode adapters. */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AnyAdapter, DiscoveryContext } from '../../common/adapter-contract.ts'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { opencodeAdapter, opencodeLegacyAdapter } from './index.ts'

export const OPENCODE_ADAPTERS: readonly AnyAdapter[] = [opencodeAdapter, opencodeLegacyAdapter]

export interface Totals {
  requests: number
  input: number
  output: number
  cacheRead: number
  cacheWrite5m: number
  reasoning: number
  cost: number
}

/** A fresh fake home with an empty OpenCode data dir; returns paths and an ingest/totals pair on one ledger. */
export function fakeHome(prefix = 'tl-opencode-') {
  const home = mkdtempSync(join(tmpdir(), prefix))
  const data = join(home, '.local', 'share', 'opencode')
  mkdirSync(data, { recursive: true })
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const ctx: DiscoveryContext = { home, env: {}, platform: 'linux' }
  return {
    home,
    data,
    ledger,
    ctx,
    ingest: (adapters: readonly AnyAdapter[] = OPENCODE_ADAPTERS) => runIngest(ledger, adapters, ctx, { now: () => 0 }),
    totals: (): Totals => totalsOf(ledger),
  }
}

export function totalsOf(ledger: LedgerWriter): Totals {
  return ledger.db
    .prepare(
      `SELECT count(*) AS requests, coalesce(sum(input), 0) AS input, coalesce(sum(output), 0) AS output,
         coalesce(sum(cache_read), 0) AS cacheRead, coalesce(sum(cache_write_5m), 0) AS cacheWrite5m,
         coalesce(sum(reasoning), 0) AS reasoning, round(coalesce(sum(vendor_cost_usd), 0), 6) AS cost FROM events`,
    )
    .get() as Totals
}
