const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * Instants for `count` requests on the UTC day `daysAgo` before `now`. Past days get office hours;
 * today's requests are spread between midnight and a minute before `now`, so none lies in the future
 * and none slips into yesterday even just after midnight.
 */
export function dayInstants(now: Date, daysAgo: number, count: number): Date[] {
  const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  if (daysAgo === 0) {
    const span = Math.max(0, now.getTime() - startOfToday - MINUTE)
    return Array.from({ length: count }, (_, i) => new Date(startOfToday + Math.floor((span * (i + 1)) / (count + 1))))
  }
  const start = startOfToday - daysAgo * DAY + 9 * HOUR
  return Array.from({ length: count }, (_, i) => new Date(start + i * 37 * MINUTE))
}
