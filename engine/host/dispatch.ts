import { isMethodName, methodParamSchemas, type MethodName, type RpcOutcome, type WireError } from '../../common/engine-methods.ts'
import { fieldIssues } from '../../common/field-issues.ts'
import type { Engine } from '../core/engine.ts'
import { InputError } from '../core/input-error.ts'
import type { LiveEngine } from '../core/live-engine.ts'
import { LedgerError } from '../store/ledger-error.ts'
import { coreHandlers } from './handlers/core-handlers.ts'
import { exportHandlers } from './handlers/export-handlers.ts'
import type { Handlers } from './handlers/handler-types.ts'
import { pricingHandlers } from './handlers/pricing-handlers.ts'
import { settingsHandlers } from './handlers/settings-handlers.ts'
import { sourcesHandlers } from './handlers/sources-handlers.ts'

/** Every method's handler; the type makes a method without a handler a compile error. */
const HANDLERS: Handlers<MethodName> = { ...coreHandlers, ...settingsHandlers, ...pricingHandlers, ...sourcesHandlers, ...exportHandlers }

/**
 * Validates and runs one request. Every outcome is data: an unknown method or bad params get an error
 * reply, never silence and never a thrown exception across the process boundary.
 */
export async function dispatch(engine: Engine, live: LiveEngine | null, method: unknown, params: unknown): Promise<RpcOutcome<MethodName>> {
  if (!isMethodName(method)) return fail({ code: 'unknown-method', message: `unknown method ${JSON.stringify(method)}` })
  const parsed = methodParamSchemas[method].safeParse(params ?? {})
  if (!parsed.success) {
    const fields = fieldIssues(parsed.error)
    return fail({ code: 'invalid-params', message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields })
  }
  try {
    const handler = HANDLERS[method] as (ctx: { engine: Engine; live: LiveEngine | null }, p: unknown) => unknown
    const result = await handler({ engine, live }, parsed.data)
    return { ok: true, result } as RpcOutcome<MethodName>
  } catch (err) {
    if (err instanceof InputError) return fail({ code: 'invalid-params', message: err.message, fields: err.issues })
    if (err instanceof LedgerError) return fail({ code: err.code, message: err.message })
    if (err instanceof RangeError) return fail({ code: 'invalid-params', message: err.message })
    return fail({ code: 'internal', message: err instanceof Error ? err.message : String(err) })
  }
}

function fail(error: WireError): RpcOutcome<MethodName> {
  return { ok: false, error }
}
