import { z } from 'zod'
import { PROVIDER_IDS } from './providers.ts'
import type { DrilldownResult, DailyReport } from './reports.ts'
import type { SourceHealthView, UiSnapshot } from './snapshot.ts'
import type { FieldIssue } from './field-issues.ts'
import { exportParamSchemas, type ExportResults } from './methods/export-methods.ts'
import { pricingParamSchemas, type PricingResults } from './methods/pricing-methods.ts'
import { settingsParamSchemas, type SettingsResults } from './methods/settings-methods.ts'
import { sourcesParamSchemas, type SourcesResults } from './methods/sources-methods.ts'

/**
 * Every request the UI (through main) may send to the engine, with a schema for its params. The schemas
 * are the IPC validation: main rejects anything that does not parse before it reaches the engine, and
 * the engine validates again (it is also reachable from the browser test harness and the CLI).
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
const provider = z.enum(PROVIDER_IDS)

export const methodParamSchemas = {
  'snapshot.get': z.object({}).strict(),
  'ingest.refresh': z.object({}).strict(),
  'sources.list': z.object({}).strict(),
  'report.daily': z
    .object({ since: isoDate.optional(), until: isoDate.optional(), providers: z.array(provider).optional() })
    .strict(),
  'report.drilldown': z
    .object({
      level: z.enum(['providers', 'models', 'projects', 'sessions']),
      provider: provider.optional(),
      model: z.string().max(200).optional(),
      project: z.string().max(4096).optional(),
      range: z.object({ since: isoDate, until: isoDate }).strict(),
    })
    .strict(),
  ...settingsParamSchemas,
  ...pricingParamSchemas,
  ...sourcesParamSchemas,
  ...exportParamSchemas,
} as const

export type MethodName = keyof typeof methodParamSchemas

/** Result type of each method; each area's methods live in common/methods/ beside their schemas. */
export interface MethodResults extends SettingsResults, PricingResults, SourcesResults, ExportResults {
  'snapshot.get': UiSnapshot
  'ingest.refresh': { changedFiles: number; newEvents: number }
  'sources.list': SourceHealthView[]
  'report.daily': DailyReport
  'report.drilldown': DrilldownResult
}

export type MethodParams<M extends MethodName> = z.infer<(typeof methodParamSchemas)[M]>

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methodParamSchemas, name)
}

/** Errors cross process boundaries as data, never as thrown objects. */
export interface WireError {
  readonly code: ErrorCode
  readonly message: string
  /** For `invalid-params`: each rejected field, for messages next to the fields of a form. */
  readonly fields?: readonly FieldIssue[]
}

export type ErrorCode =
  | 'unknown-method'
  | 'invalid-params'
  | 'engine-unavailable'
  | 'database-locked'
  | 'database-corrupt'
  | 'database-too-new'
  | 'internal'

export type RpcOutcome<M extends MethodName> =
  | { readonly ok: true; readonly result: MethodResults[M] }
  | { readonly ok: false; readonly error: WireError }
