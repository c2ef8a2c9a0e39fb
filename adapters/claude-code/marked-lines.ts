import { Buffer } from 'node:buffer'

const NEWLINE = 0x0a

/**
 * Byte-level pre-filter: calls `visit(start, end)` for each line of `bytes` that contains `primary` and
 * also every marker in `alsoRequired`, WITHOUT decoding any line. Lines are `\n`-terminated; a final line
 * without `\n` is visited too (the engine normally never hands one over).
 *
 * Why this shape: searching per line re-scans ahead to the next hit on every line (slower than parsing
 * everything, toolchain.md §8.3). Instead we jump from hit to hit of `primary`, and remember the next hit of
 * each secondary marker so no byte is searched twice. Lines without markers (huge tool results, prompts)
 * cost one memchr-speed pass and are never turned into strings.
 */
export function scanMarkedLines(
  bytes: Uint8Array,
  primary: Uint8Array,
  alsoRequired: readonly Uint8Array[],
  visit: (start: number, end: number) => void,
): void {
  const buf = asBuffer(bytes)
  const nextHit = alsoRequired.map(() => -1)
  let from = 0
  while (from < buf.length) {
    const hit = buf.indexOf(primary, from)
    if (hit < 0) return
    // `from` is always a line start, so the previous newline is at or after `from - 1`.
    const start = buf.lastIndexOf(NEWLINE, hit) + 1
    const nl = buf.indexOf(NEWLINE, hit + primary.length)
    const end = nl < 0 ? buf.length : nl
    if (hasAll(buf, alsoRequired, nextHit, start, end)) visit(start, end)
    from = end + 1
  }
}

function hasAll(buf: Buffer, markers: readonly Uint8Array[], nextHit: number[], start: number, end: number): boolean {
  for (let i = 0; i < markers.length; i++) {
    let at = nextHit[i]!
    if (at < start) {
      at = buf.indexOf(markers[i]!, start)
      // No later occurrence anywhere: remember that as "beyond the buffer" so we never search again.
      nextHit[i] = at < 0 ? buf.length : at
      at = nextHit[i]!
    }
    if (at + markers[i]!.length > end) return false
  }
  return true
}

/** A zero-copy Buffer view, so `indexOf` / `toString` work on any Uint8Array. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
