import { dailyReport } from '../../reports/calendar-reports.ts'
import { drilldown } from '../../reports/drilldown.ts'
import type { Handlers } from './handler-types.ts'

/** Snapshot, refresh, sources and the popover's reports. */
export const coreHandlers: Handlers<'snapshot.get' | 'ingest.refresh' | 'sources.list' | 'report.daily' | 'report.drilldown'> = {
  'snapshot.get': ({ engine }) => engine.snapshot(),
  'sources.list': ({ engine }) => engine.sources(),
  'ingest.refresh': ({ engine, live }) => {
    const s = engine.ingest()
    if (s.changedFiles > 0 || s.newEvents > 0) live?.schedulePublish()
    return { changedFiles: s.changedFiles, newEvents: s.newEvents }
  },
  'report.daily': ({ engine }, q) => dailyReport(engine.reportContext(), { since: q.since, until: q.until, providers: q.providers, timezone: engine.timezone }),
  'report.drilldown': ({ engine }, q) => drilldown(engine.reportContext(), q),
}
