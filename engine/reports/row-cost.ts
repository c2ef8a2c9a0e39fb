import { VENDOR_PRICED_PROVIDERS } from '../../common/providers.ts'
import type { Pricer } from '../pricing/index.ts'
import type { RollupRow } from './rollup-rows.ts'

// Cursor's own charge is more faithful than re-pricing its model labels (`auto`, `composer-1`).
const VENDOR_PRICED = VENDOR_PRICED_PROVIDERS

/** List-price cost of a rollup row: the vendor's own charge where it is authoritative, else the registry's. */
export function rowCost(pricer: Pricer, r: RollupRow): number | null {
  if (VENDOR_PRICED.has(r.provider)) return r.vendorCostUsd
  return pricer.cost(r.provider, r.modelRaw, r.startMs, r.tokens, r.ctxBucket)
}

