/**
 * Rollups cannot keep every request's exact prompt size, but long-context prices apply to a WHOLE
 * request whose prompt exceeds a threshold. So each rollup row carries a prompt-size bucket: bucket `b`
 * holds requests with `prompt > EDGES[b-1]` and `prompt <= EDGES[b]` (bucket 0: prompt <= EDGES[0]).
 * Every tier threshold in the pricing registry must be one of these edges (a pricing test checks it).
 * Changing the edges means bumping CONTEXT_BUCKETS_VERSION; the next open re-derives rollups from events
 * (engine/store/rollup-rebuild.ts).
 */
export const CONTEXT_BUCKET_EDGES = [32_000, 128_000, 200_000, 256_000, 272_000, 1_000_000] as const
export const CONTEXT_BUCKETS_VERSION = 1

export function contextBucket(prompt: number): number {
  let b = 0
  while (b < CONTEXT_BUCKET_EDGES.length && prompt > CONTEXT_BUCKET_EDGES[b]!) b++
  return b
}

/** True when every request in bucket `b` has a prompt strictly above `threshold` (which must be an edge). */
export function bucketExceeds(b: number, threshold: number): boolean {
  const idx = CONTEXT_BUCKET_EDGES.indexOf(threshold as (typeof CONTEXT_BUCKET_EDGES)[number])
  if (idx < 0) throw new Error(`tier threshold ${threshold} is not a context bucket edge`)
  return b > idx
}
