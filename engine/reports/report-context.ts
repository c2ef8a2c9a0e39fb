import type { ProviderId } from '../../common/providers.ts'
import type { ReportFilter } from '../../common/reports.ts'
import type { AttributionRule, Pricer, UserPlan } from '../pricing/index.ts'
import type { Db } from '../store/open-ledger.ts'
import { LocalCalendar } from './local-time.ts'
import type { RowQuery } from './rollup-rows.ts'

/** Everything a report needs, passed in (no globals, no clock reads inside reports). */
export interface ReportContext {
  readonly db: Db
  readonly pricer: Pricer
  /** The user's subscriptions and billing rules: what turns list-price value into effective cost. */
  readonly plans: readonly UserPlan[]
  readonly rules: readonly AttributionRule[]
  readonly calendar: LocalCalendar
  readonly now: number
  /** First day of the week for "this week" figures: 0 Sunday, 1 Monday (default). */
  readonly weekStartsOn?: 0 | 1
}

/** Turns a filter's local-date bounds into a UTC row query. */
export function rowQueryOf(filter: ReportFilter, calendar: LocalCalendar): RowQuery {
  return {
    fromMs: filter.since === undefined ? undefined : calendar.startOfDay(filter.since),
    toMs: filter.until === undefined ? undefined : calendar.endOfDay(filter.until),
    providers: filter.providers as ProviderId[] | undefined,
  }
}
