import type { ProviderId } from '../../common/providers.ts'
import type { Budget } from '../../common/settings.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { createPricer } from '../pricing/index.ts'
import { LocalCalendar } from '../reports/local-time.ts'
import type { ReportContext } from '../reports/report-context.ts'
import { buildSnapshot } from '../snapshot/build-snapshot.ts'
import { EventWriter } from '../store/event-writer.ts'
import { openLedger, type Db } from '../store/open-ledger.ts'
import { testEvent } from '../store/test-events.ts'
import { budgetStatuses } from './budget-status.ts'

/** Test-only: a ledger where spend is written in whole dollars, and the snapshots the engine would publish from it. */

/** Monday 2026-11-23 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 23, 12)
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/**
 * Output tokens only, so each model's output price is the whole cost: Claude Haiku 4.5 $5/Mtok
 * (200,000 tokens = $1), Codex gpt-5 $10/Mtok (100,000 = $1). Cursor rows carry their own charge.
 */
const MODELS: Partial<Record<ProviderId, { model: string; tokensPerUsd: number }>> = {
  claude: { model: 'claude-haiku-4-5-20251001', tokensPerUsd: 200_000 },
  codex: { model: 'gpt-5', tokensPerUsd: 100_000 },
  cursor: { model: 'auto', tokensPerUsd: 10_000 },
}

let seq = 0

export class BudgetLedger {
  readonly db: Db
  private readonly writer: EventWriter

  constructor(dbPath = ':memory:') {
    this.db = openLedger(dbPath)
    this.writer = new EventWriter(this.db)
  }

  /** Records `usd` of list-price spend by `provider` at instant `at`. */
  spend(at: number, usd: number, provider: ProviderId = 'claude'): this {
    const m = MODELS[provider]
    if (m === undefined) throw new Error(`no test model for ${provider}`)
    const id = `e${++seq}`
    const event = testEvent({
      dedupeKey: id,
      messageId: id,
      requestId: id,
      eventTs: at,
      provider,
      modelRaw: m.model,
      account: `/home/dev/.${provider}`,
      vendorCostUsd: provider === 'cursor' ? usd : null,
      tokens: { input: 0, output: Math.round(usd * m.tokensPerUsd), cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 },
    })
    this.db.transaction(() => this.writer.write([event], at))()
    return this
  }

  /** A quota reading as the Codex adapter stores it. */
  quota(observedAt: number, usedPercent: number, resetsAt: number | null, windowId = 'primary'): this {
    this.db.prepare('INSERT INTO limit_readings VALUES (?,?,?,?,?,?,?,?)').run('codex', '/home/dev/.codex', windowId, observedAt, usedPercent, 300, resetsAt, 'plus')
    return this
  }

  ctx(now: number, timezone = 'UTC', weekStartsOn: 0 | 1 = 1): ReportContext {
    return { db: this.db, pricer: createPricer([]), plans: [], rules: [], calendar: new LocalCalendar(timezone), now, weekStartsOn }
  }

  /** The snapshot Engine.snapshot() publishes: the built snapshot plus the budgets' statuses. */
  snapshot(now: number, budgets: readonly Budget[], opts: { timezone?: string; weekStartsOn?: 0 | 1; engineState?: UiSnapshot['engineState'] } = {}): UiSnapshot {
    const weekStartsOn = opts.weekStartsOn ?? 1
    const ctx = this.ctx(now, opts.timezone, weekStartsOn)
    const snapshot = buildSnapshot({ ctx, engineState: opts.engineState ?? 'ready', sources: [] })
    return {
      ...snapshot,
      display: { trayMetric: 'today', weekStartsOn, currency: 'USD', usdRate: 1, hideAmounts: false, launchAtLogin: false },
      budgets: budgetStatuses(ctx, budgets),
    }
  }

  close(): void {
    this.db.close()
  }
}
