/**
 * A small seeded PRNG (mulberry32) plus the helpers the generators need. Math.random is never used, so
 * the same seed always writes byte-identical files and the same expected totals.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Lowercase hex string of `len` characters. */
  hex(len: number): string
  /** Base62 string of `len` characters (Anthropic-style ids). */
  b62(len: number): string
  /** RFC 4122 version-4-shaped UUID. */
  uuid(): string
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const hex = (len: number): string => {
    let s = ''
    for (let i = 0; i < len; i++) s += (int(0, 15)).toString(16)
    return s
  }
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    hex,
    b62: (len) => {
      let s = ''
      for (let i = 0; i < len; i++) s += B62[int(0, 61)]
      return s
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
  }
}

/** Derives an independent stream per generator, so changing one provider's size leaves the other's files unchanged. */
export function deriveSeed(seed: number, salt: number): number {
  return (Math.imul(seed ^ salt, 0x9e3779b1) ^ (seed >>> 16)) >>> 0
}
