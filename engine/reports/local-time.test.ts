import { describe, expect, it } from 'vitest'
import { localDayFn } from '../pricing/attribution.ts'
import { LocalCalendar } from './local-time.ts'

const Q15 = 15 * 60_000

/** Every quarter hour in [from, to) whose local date differs from what Intl says. */
function mismatches(timezone: string, from: number, to: number): string[] {
  const intl = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const calendar = new LocalCalendar(timezone)
  const dayOf = localDayFn(timezone)
  const wrong: string[] = []
  for (let t = from; t < to; t += Q15) {
    const expected = intl.format(new Date(t))
    // Also one minute before the next quarter: a bucket's instants all share its start's date.
    if (calendar.date(t) !== expected || calendar.date(t + Q15 - 60_000) !== expected || dayOf(t) !== expected) wrong.push(new Date(t).toISOString())
    if (wrong.length > 3) break
  }
  return wrong
}

describe('LocalCalendar dates (offsets cached per day, per hour on a day with a switch)', () => {
  // Zones with DST at 01:00 UTC (Berlin), at local 02:00 (New York), half-hour DST (Lord Howe), 45-minute
  // offsets with DST (Chatham), a 45-minute offset without (Kathmandu), half hours (St John's, Kolkata).
  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/St_Johns', 'Asia/Kolkata', 'UTC'])(
    '%s: every quarter hour of 2026 gets the date Intl gives',
    (timezone) => {
      expect(mismatches(timezone, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([])
    },
  )

  it('Samoa skipping 30 December 2011 (UTC−10 to UTC+14 within one UTC day)', () => {
    expect(mismatches('Pacific/Apia', Date.UTC(2011, 11, 28), Date.UTC(2012, 0, 2))).toEqual([])
    const calendar = new LocalCalendar('Pacific/Apia')
    // 09:59 UTC on Dec 30 is 23:59 on the 29th local; 10:00 UTC is midnight starting the 31st.
    expect([calendar.date(Date.UTC(2011, 11, 30, 9, 59)), calendar.date(Date.UTC(2011, 11, 30, 10))]).toEqual(['2011-12-29', '2011-12-31'])
  })

  it('offsets on both sides of Berlin’s spring switch (01:00 UTC, 29 March 2026)', () => {
    const calendar = new LocalCalendar('Europe/Berlin')
    expect([calendar.offsetMinutes(Date.UTC(2026, 2, 29, 0, 59)), calendar.offsetMinutes(Date.UTC(2026, 2, 29, 1)), calendar.offsetMinutes(Date.UTC(2026, 2, 29, 23))]).toEqual([60, 120, 120])
  })
})
