/**
 * cyrb53: a fast, well-distributed 53-bit string hash (fits a JS number and an SQLite INTEGER exactly).
 * Used as the events table's primary key for a dedupe key; collisions are resolved by probing, so
 * correctness never depends on the hash being unique.
 */
export function hash53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  return finish(h1, h2)
}

/** Same hash over raw bytes (file heads and anchors for checkpoint identity). */
export function hashBytes(bytes: Uint8Array, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < bytes.length; i++) {
    const ch = bytes[i]!
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  return finish(h1, h2)
}

function finish(a: number, b: number): number {
  let h1 = Math.imul(a ^ (a >>> 16), 2246822507)
  h1 ^= Math.imul(b ^ (b >>> 13), 3266489909)
  let h2 = Math.imul(b ^ (b >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** Width of the low part of a message-grouped key hash (see eventKeyHash). */
const LOW_BITS = 2 ** 21

/**
 * The ledger key of an event: a 53-bit hash of its dedupe key. When the event carries a vendor message
 * id, the high 32 bits are a hash of (provider, message id) and the low 21 bits a hash of the dedupe key,
 * so every request of one message lies in one contiguous key range (`messageKeyRange`).
 */
export function eventKeyHash(provider: string, messageId: string | null, dedupeKey: string): number {
  if (messageId === null) return hash53(dedupeKey)
  return messageHash32(provider, messageId) * LOW_BITS + (hash53(dedupeKey, 11) % LOW_BITS)
}

/** Inclusive key range holding every event of one message (probing may step one past it: see writer). */
export function messageKeyRange(provider: string, messageId: string): [number, number] {
  const high = messageHash32(provider, messageId) * LOW_BITS
  return [high, high + LOW_BITS - 1]
}

function messageHash32(provider: string, messageId: string): number {
  return hash53(`${provider}\u0000${messageId}`, 7) % 2 ** 32
}
