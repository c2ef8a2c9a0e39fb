import type { MethodName, MethodParams, MethodResults } from '../../../common/engine-methods.ts'
import type { Engine } from '../../core/engine.ts'
import type { LiveEngine } from '../../core/live-engine.ts'

/** What a method handler may use: the engine, and the live engine when the host watches (null in one-shot runs). */
export interface HandlerContext {
  readonly engine: Engine
  readonly live: LiveEngine | null
}

/**
 * One handler per method, typed by the method's params and result. A handler returns a value or a
 * promise; it throws InputError for rejected input (answered as `invalid-params` with field messages).
 */
export type Handlers<M extends MethodName> = {
  readonly [K in M]: (ctx: HandlerContext, params: MethodParams<K>) => MethodResults[K] | Promise<MethodResults[K]>
}

/** After a change to pricing inputs or settings: a fresh snapshot for every view (and the snapshot file). */
export function republish(ctx: HandlerContext): void {
  ctx.live?.schedulePublish()
}
