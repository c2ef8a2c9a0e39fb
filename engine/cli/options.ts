import { isProviderId, type ProviderId } from '../../common/providers.ts'
import type { ReportFilter } from '../../common/reports.ts'
import { assertTimeZone, parseDate, systemTimeZone } from '../reports/local-time.ts'

/** Flags shared by every report verb (commander gives them as strings). */
export interface CommonFlags {
  home?: string
  db?: string
  since?: string
  until?: string
  tz?: string
  provider?: string
  json?: boolean
  demo?: boolean
  mode?: 'list' | 'effective'
}

/** A wrong setting is a clear message and exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export function reportFilter(flags: CommonFlags): ReportFilter {
  const timezone = flags.tz ?? systemTimeZone()
  try {
    assertTimeZone(timezone)
    if (flags.since !== undefined) parseDate(flags.since)
    if (flags.until !== undefined) parseDate(flags.until)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  if (flags.since !== undefined && flags.until !== undefined && flags.since > flags.until) {
    throw new UsageError(`--since ${flags.since} is after --until ${flags.until}`)
  }
  return { since: flags.since, until: flags.until, timezone, providers: parseProviders(flags.provider) }
}

function parseProviders(value: string | undefined): ProviderId[] | undefined {
  if (value === undefined) return undefined
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean)
  const bad = ids.filter((id) => !isProviderId(id))
  if (bad.length > 0) throw new UsageError(`unknown provider ${bad.join(', ')} (known: claude, codex, cursor, droid, gemini, opencode, amp)`)
  return ids as ProviderId[]
}
