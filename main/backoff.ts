/**
 * Restart schedule for a crashed engine: doubling from half a second so a one-off crash costs the user
 * almost nothing, capped so a crash loop does not spin the CPU (a stated resource budget is a product goal).
 */
export const BACKOFF = {
  initialMs: 500,
  maxMs: 30_000,
  /** An engine that stayed up this long is considered healthy again: the next crash starts from 0.5 s. */
  stableAfterMs: 60_000,
  /** Consecutive quick crashes after which the shell gives up and reports the engine as down. */
  maxRapidFailures: 10,
} as const

/** Delay before restart number `attempt` (1-based): 0.5 s, 1 s, 2 s … 30 s. */
export function restartDelayMs(attempt: number, initialMs: number = BACKOFF.initialMs, maxMs: number = BACKOFF.maxMs): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1)
  // 2^exponent overflows to Infinity long after the cap, and Math.min handles Infinity.
  return Math.min(initialMs * 2 ** exponent, maxMs)
}
