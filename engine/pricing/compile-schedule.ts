import { bucketExceeds, CONTEXT_BUCKET_EDGES } from '../../common/context-buckets.ts'
import { PRICE_COMPONENTS } from './registry-types.ts'
import type { RegistryEntry, RegistryPrice } from './registry-types.ts'

/** Number of prompt-size buckets (edges + the open bucket above the last edge). */
export const BUCKETS = CONTEXT_BUCKET_EDGES.length + 1
const DAY_MS = 86_400_000

/**
 * A registry schedule entry with its prices pre-resolved per context bucket, so pricing a row is a
 * few array reads: `perBucket[component * BUCKETS + bucket]`, NaN where the component is not listed.
 */
export interface CompiledEntry {
  readonly when: 'always' | 'from' | 'daily'
  readonly fromMs: number
  readonly fromDate: string | null
  readonly startSec: number
  readonly endSec: number
  readonly perBucket: Float64Array
  /** The registry entry it came from, for describing tiers. */
  readonly source: RegistryEntry
}

function priceInBucket(p: RegistryPrice, bucket: number): number {
  if (typeof p === 'number') return p
  let v = p.base
  for (const t of p.tiers) if (bucketExceeds(bucket, t.above)) v = t.usdPerMtok
  return v
}

export function compileEntry(e: RegistryEntry): CompiledEntry {
  const perBucket = new Float64Array(PRICE_COMPONENTS.length * BUCKETS).fill(Number.NaN)
  PRICE_COMPONENTS.forEach((c, ci) => {
    const p = e.prices[c]
    if (p !== undefined) for (let b = 0; b < BUCKETS; b++) perBucket[ci * BUCKETS + b] = priceInBucket(p, b)
  })
  const w = e.when
  return {
    when: w.kind,
    fromMs: w.kind === 'from' ? Date.parse(`${w.date}T00:00:00Z`) : Number.NEGATIVE_INFINITY,
    fromDate: w.kind === 'from' ? w.date : null,
    startSec: w.kind === 'daily' ? w.startSec : 0,
    endSec: w.kind === 'daily' ? w.endSec : 0,
    perBucket,
    source: e,
  }
}

/**
 * The entry in force at tsMs, with genai-prices' rule: scan from the last entry, the first whose
 * condition holds wins (so later dated prices and peak-hour windows override earlier ones).
 */
export function entryAt(entries: readonly CompiledEntry[], tsMs: number): CompiledEntry | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!
    if (e.when === 'always') return e
    if (e.when === 'from') {
      if (tsMs >= e.fromMs) return e
      continue
    }
    const sec = (((tsMs % DAY_MS) + DAY_MS) % DAY_MS) / 1000
    const inside = e.startSec <= e.endSec ? sec >= e.startSec && sec < e.endSec : sec >= e.startSec || sec < e.endSec
    if (inside) return e
  }
  return entries[0] ?? null
}

/** Clamps a stored bucket into range so a corrupt value cannot index outside the table. */
export function clampBucket(b: number): number {
  if (!(b > 0)) return 0
  return b >= BUCKETS ? BUCKETS - 1 : Math.trunc(b)
}
