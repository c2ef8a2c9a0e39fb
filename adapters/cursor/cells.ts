/**
 * Readers for single cells of a Cursor usage export. Each returns null for a value it cannot read with
 * confidence, so the caller decides whether that drops the row (tokens, date) or only the figure (cost).
 */

/** A token count: digits, optionally grouped with commas (`28,342`); an empty cell is 0. */
export function tokenCell(cell: string): number | null {
  const s = cell.trim()
  if (s === '') return 0
  if (/^\d+$/.test(s)) {
    const n = Number(s)
    return Number.isSafeInteger(n) ? n : null
  }
  if (!/^\d{1,3}(?:,\d{3})+$/.test(s)) return null
  const n = Number(s.replaceAll(',', ''))
  return Number.isSafeInteger(n) ? n : null
}

/** Kinds Cursor did not charge for (`Errored, No Charge`, `Aborted, Not Charged`): their cost is 0. */
export function isUnchargedKind(kind: string | null): boolean {
  return kind !== null && /\b(?:no charge|not charged|errored|aborted)\b/i.test(kind)
}

/**
 * Cursor's `Cost` cell in US dollars, read leniently: `0.19`, `$0.12`, `$1,234.56`, ` 0.5 `, `Free` (0).
 * Anything else (empty, `-`, `NaN`, another currency such as `EUR 3,50`, a negative amount) is null:
 * an unknown cost, never a recorded $0. A kind Cursor did not charge for costs 0 whatever the cell says.
 */
export function costCell(cell: string | undefined, kind: string | null): number | null {
  if (isUnchargedKind(kind)) return 0
  if (cell === undefined) return null
  const s = cell.trim().replace(/^\$\s*/, '').replace(/\s*USD$/i, '')
  if (/^free$/i.test(s)) return 0
  if (!/^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$|^\.\d+$/.test(s)) return null
  const n = Number(s.replaceAll(',', ''))
  return Number.isFinite(n) ? n : null
}

const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i
const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/
/** A bare date is a whole day, not an instant: noon UTC keeps it on the same local date from UTC−12 to UTC+11. */
const BARE_DATE_HOUR_UTC = 12

/**
 * The `Date` cell as UTC epoch ms: ISO-8601 with a zone (`2025-11-13T18:36:05.846Z`, current exports), a
 * zoneless date-time (read as UTC: Cursor's servers write UTC), or a bare `YYYY-MM-DD` (old exports),
 * placed at noon UTC. Null for anything else, including impossible dates (`2025-02-30`).
 */
export function dateCell(cell: string): number | null {
  const s = cell.trim()
  if (ISO_ZONED.test(s)) {
    const ms = Date.parse(s)
    return Number.isFinite(ms) && validDay(s) ? ms : null
  }
  const m = ZONELESS.exec(s)
  if (m === null) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const bare = m[4] === undefined
  const [h, mi, sec] = bare ? [BARE_DATE_HOUR_UTC, 0, 0] : [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)]
  const ms = Number((m[7] ?? '0').padEnd(3, '0'))
  if (h > 23 || mi > 59 || sec > 59) return null
  const t = Date.UTC(y, mo - 1, d, h, mi, sec, ms)
  return validDay(s) && Number.isFinite(t) ? t : null
}

/** True when the `YYYY-MM-DD` at the start of `s` is a real calendar day (Date.UTC would roll 02-30 over). */
function validDay(s: string): boolean {
  const [y, mo, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))]
  const day = new Date(Date.UTC(y, mo - 1, d))
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d
}
