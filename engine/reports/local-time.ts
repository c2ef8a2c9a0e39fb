import { TZDate, tzOffset } from '@date-fns/tz'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

/**
 * Turns UTC instants into local calendar dates in one IANA zone. Offsets are looked up once per UTC day
 * (once per hour on the rare day with a switch) and cached, because reports convert thousands of rollup
 * buckets and Intl lookups are slow. A day whose first and last instants have the same offset has it
 * throughout: no zone switches twice within a day. (Every real-world offset and DST switch is aligned to
 * a quarter hour, and the rollups are quarter-hour buckets, so converting the bucket start is exact.)
 */
export class LocalCalendar {
  /** Offset per UTC day number; null for a day with a switch (then looked up per hour). */
  private readonly dayOffsets = new Map<number, number | null>()
  private readonly offsets = new Map<number, number>()
  private readonly dayTexts = new Map<number, string>()
  readonly timezone: string

  constructor(timezone: string) {
    assertTimeZone(timezone)
    this.timezone = timezone
  }

  /** Offset from UTC in minutes at the given instant. */
  offsetMinutes(utcMs: number): number {
    const utcDay = Math.floor(utcMs / DAY_MS)
    let whole = this.dayOffsets.get(utcDay)
    if (whole === undefined) {
      const first = tzOffset(this.timezone, new Date(utcDay * DAY_MS))
      whole = tzOffset(this.timezone, new Date(utcDay * DAY_MS + DAY_MS - 1)) === first ? first : null
      this.dayOffsets.set(utcDay, whole)
    }
    if (whole !== null) return whole
    const hour = Math.floor(utcMs / HOUR_MS)
    let off = this.offsets.get(hour)
    if (off === undefined) {
      off = tzOffset(this.timezone, new Date(hour * HOUR_MS))
      // A switch can happen inside the hour (at :30 or :45 in a few zones): check the hour's end too.
      const end = tzOffset(this.timezone, new Date(hour * HOUR_MS + HOUR_MS - 1))
      if (end !== off) off = tzOffset(this.timezone, new Date(utcMs))
      else this.offsets.set(hour, off)
    }
    return off
  }

  /** Local date `YYYY-MM-DD` of a UTC instant (memoized per local day: reports call this per row). */
  date(utcMs: number): string {
    const local = utcMs + this.offsetMinutes(utcMs) * 60_000
    const day = Math.floor(local / DAY_MS)
    let text = this.dayTexts.get(day)
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10)
      this.dayTexts.set(day, text)
    }
    return text
  }

  /** Local month `YYYY-MM`. */
  month(utcMs: number): string {
    return this.date(utcMs).slice(0, 7)
  }

  /** First day (local date) of the week containing the instant; weeks start on `weekStartsOn`. */
  weekStart(utcMs: number, weekStartsOn: 0 | 1): string {
    const local = new Date(utcMs + this.offsetMinutes(utcMs) * 60_000)
    const back = (local.getUTCDay() - weekStartsOn + 7) % 7
    return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back)).toISOString().slice(0, 10)
  }

  /** UTC instant of local midnight starting the given local date. */
  startOfDay(date: string): number {
    const [y, m, d] = parseDate(date)
    return new TZDate(y, m - 1, d, 0, 0, 0, 0, this.timezone).getTime()
  }

  /** UTC instant of local midnight ending the given local date (exclusive bound). */
  endOfDay(date: string): number {
    const [y, m, d] = parseDate(date)
    return new TZDate(y, m - 1, d + 1, 0, 0, 0, 0, this.timezone).getTime()
  }

  /** Today's local date. */
  today(nowMs: number): string {
    return this.date(nowMs)
  }

  /** Local date `days` days after `date` (negative for before). */
  static addDays(date: string, days: number): string {
    const [y, m, d] = parseDate(date)
    return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
  }
}

export function parseDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (m === null) throw new RangeError(`invalid date "${date}": expected YYYY-MM-DD`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1 || d > 31) throw new RangeError(`invalid date "${date}"`)
  return [y, mo, d]
}

export function assertTimeZone(tz: string): void {
  try {
    Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions()
  } catch {
    throw new RangeError(`unknown time zone "${tz}": use an IANA name such as Europe/Berlin or UTC`)
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}
