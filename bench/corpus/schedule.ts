import type { Rng } from './prng.ts'

const DAY_MS = 86_400_000

/** A session's moving "now", advanced as lines are written. */
export interface Clock {
  ts: number
}

/**
 * Start of a session: a random day in range, between 00:30 and 18:00 UTC. Sessions last at most a few
 * hours, so no request straddles UTC midnight and every day-attribution rule puts it on the same date.
 */
export function sessionStart(rng: Rng, startMs: number, days: number): number {
  const day = Math.floor(startMs / DAY_MS) * DAY_MS + rng.int(0, Math.max(1, days) - 1) * DAY_MS
  return day + rng.int(1_800_000, 64_800_000) + rng.int(0, 999)
}

/** Advances the clock by a random step and returns the new instant. */
export function tick(rng: Rng, clock: Clock, minMs: number, maxMs: number): number {
  clock.ts += rng.int(minMs, maxMs)
  return clock.ts
}

/** Guards the generator's own promise above: a request dated on another UTC day than its session start. */
export function assertSameDay(sessionStartMs: number, ts: number): void {
  if (Math.floor(sessionStartMs / DAY_MS) !== Math.floor(ts / DAY_MS)) {
    throw new Error(`corpus generator bug: session starting ${new Date(sessionStartMs).toISOString()} crossed UTC midnight`)
  }
}
