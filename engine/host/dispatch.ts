import { isMethodName, methodParamSchemas, type MethodName, type MethodResults, type RpcOutcome, type WireError } from '../../common/engine-methods.ts'
import type { Engine } from '../core/engine.ts'
import type { LiveEngine } from '../core/live-engine.ts'
import { dailyReport } from '../reports/calendar-reports.ts'
import { drilldown } from '../reports/drilldown.ts'
import { LedgerError } from '../store/ledger-error.ts'

/**
 * Validates and runs one request. Every outcome is data: an unknown method or bad params get an error
 * reply, never silence and never a thrown exception across the process boundary.
 */
export function dispatch(engine: Engine, live: LiveEngine | null, method: unknown, params: unknown): RpcOutcome<MethodName> {
  if (!isMethodName(method)) return fail({ code: 'unknown-method', message: `unknown method ${JSON.stringify(method)}` })
  const parsed = methodParamSchemas[method].safeParse(params ?? {})
  if (!parsed.success) {
    return fail({ code: 'invalid-params', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ') })
  }
  try {
    return { ok: true, result: run(engine, live, method, parsed.data) }
  } catch (err) {
    if (err instanceof LedgerError) return fail({ code: err.code, message: err.message })
    if (err instanceof RangeError) return fail({ code: 'invalid-params', message: err.message })
    return fail({ code: 'internal', message: err instanceof Error ? err.message : String(err) })
  }
}

function run(engine: Engine, live: LiveEngine | null, method: MethodName, p: unknown): MethodResults[MethodName] {
  switch (method) {
    case 'snapshot.get':
      return engine.snapshot()
    case 'sources.list':
      return engine.sources()
    case 'ingest.refresh': {
      const s = engine.ingest()
      if (s.changedFiles > 0 || s.newEvents > 0) live?.schedulePublish()
      return { changedFiles: s.changedFiles, newEvents: s.newEvents }
    }
    case 'report.daily': {
      const q = p as import('../../common/engine-methods.ts').MethodParams<'report.daily'>
      return dailyReport(engine.reportContext(), { since: q.since, until: q.until, providers: q.providers, timezone: engine.timezone })
    }
    case 'report.drilldown':
      return drilldown(engine.reportContext(), p as import('../../common/engine-methods.ts').MethodParams<'report.drilldown'>)
    default:
      return method satisfies never
  }
}

function fail(error: WireError): RpcOutcome<MethodName> {
  return { ok: false, error }
}
