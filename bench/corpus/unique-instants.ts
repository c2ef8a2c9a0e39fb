/**
 * Hands out distinct epoch-ms instants. OpenCode keys a message by its creation time + model + agent and
 * derives row ids from the time, and Cursor keys a row by its instant + model + tokens: two random instants
 * that collide (a real chance at 100k rows over 60 days) would make one request a "copy" of another.
 * Collisions are moved forward by 1 ms, so order within a session is kept.
 */
export interface UniqueInstants {
  take(ts: number): number
}

export function uniqueInstants(): UniqueInstants {
  const used = new Set<number>()
  return {
    take: (ts) => {
      let t = ts
      while (used.has(t)) t++
      used.add(t)
      return t
    },
  }
}
