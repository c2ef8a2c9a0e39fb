import { hash } from 'node:crypto'
import type { CursorRow } from './row.ts'

/**
 * Dedupe keys for one export's rows. Cursor's rows carry no id, and users download overlapping exports
 * (last 30 days, then the month, then a team export), so a row's key is a hash of the NORMALIZED row:
 * the instant in epoch ms (so `…05.846Z` and `…05.846+00:00` agree), Cursor's model label and the four token counts.
 * Those fields identify a request across every header variant. Kind, cost, Max Mode, agent ids and the
 * team `User` are left out on purpose: columns that one variant has and another lacks (or a cost restated
 * later) must not turn the same request into two.
 *
 * Two rows that are identical on those fields in ONE file are still two requests (a bare-date export of
 * two equal requests on one day): each gets its occurrence number within the file, `#0`, `#1`…. An
 * overlapping export repeats the same rows, so the n-th copy meets the n-th copy and nothing is counted twice.
 */
export class CursorKeys {
  private readonly seen = new Map<string, number>()

  next(row: CursorRow): string {
    const t = row.tokens
    const identity = `${row.eventTs}\u0000${row.model}\u0000${t.input}\u0000${t.cacheWrite5m}\u0000${t.cacheRead}\u0000${t.output}`
    const digest = hash('sha256', identity).slice(0, 24)
    const n = this.seen.get(digest) ?? 0
    this.seen.set(digest, n + 1)
    return `cursor:${digest}#${n}`
  }
}
