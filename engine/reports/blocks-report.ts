import { REPORT_SCHEMA_VERSION, type ReportFilter } from '../../common/reports.ts'
import { addReportTokens, emptyReportTokens, toReportTokens, type ReportTokens } from '../../common/tokens.ts'
import { Q15_MS } from '../store/rollup-delta.ts'
import { roundUsd } from './period-lines.ts'
import { rowQueryOf, type ReportContext } from './report-context.ts'
import { loadRollupRows } from './rollup-rows.ts'
import { rowCost } from './row-cost.ts'

export const BLOCK_MS = 5 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

export interface BlockLine {
  start: string
  end: string
  firstActivityAt: string
  lastActivityAt: string
  isActive: boolean
  requests: number
  tokens: ReportTokens
  costUsd: number | null
  models: string[]
  /** For the active block: list-price cost per hour so far and projected to the block's end. */
  burnRateUsdPerHour: number | null
  projectedCostUsd: number | null
}

export interface BlocksReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  timezone: string
  /** Claude's 5-hour session windows, estimated locally from activity (not read from Anthropic). */
  estimate: true
  blocks: BlockLine[]
}

/**
 * `tokenledger blocks`: 5-hour billing windows as Claude's plans count them, estimated from local
 * activity (as ccusage does): a block starts at the hour of its first request and lasts 5 hours;
 * activity after the block ends, or after a 5-hour gap, starts a new one. Quarter-hour resolution.
 */
export function blocksReport(ctx: ReportContext, filter: ReportFilter): BlocksReport {
  const rows = loadRollupRows(ctx.db, rowQueryOf(filter, ctx.calendar))
  const blocks: Array<BlockLine & { startMs: number; first: number; last: number; cost: number | null }> = []
  let current: (typeof blocks)[number] | undefined
  for (const r of rows) {
    if (current === undefined || r.startMs >= current.startMs + BLOCK_MS || r.startMs - current.last >= BLOCK_MS) {
      const startMs = Math.floor(r.startMs / HOUR_MS) * HOUR_MS
      current = {
        startMs,
        first: r.startMs,
        last: r.startMs,
        cost: null,
        start: new Date(startMs).toISOString(),
        end: new Date(startMs + BLOCK_MS).toISOString(),
        firstActivityAt: '',
        lastActivityAt: '',
        isActive: false,
        requests: 0,
        tokens: emptyReportTokens(),
        costUsd: null,
        models: [],
        burnRateUsdPerHour: null,
        projectedCostUsd: null,
      }
      blocks.push(current)
    }
    current.last = r.startMs
    current.requests += r.requests
    addReportTokens(current.tokens, toReportTokens(r.tokens))
    const cost = rowCost(ctx.pricer, r)
    if (cost !== null) current.cost = (current.cost ?? 0) + cost
    const model = ctx.pricer.resolve(r.provider, r.modelRaw).canonical
    if (!current.models.includes(model)) current.models.push(model)
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    timezone: ctx.calendar.timezone,
    estimate: true,
    blocks: blocks.map(({ startMs, first, last, cost, ...b }) => {
      const isActive = ctx.now >= startMs && ctx.now < startMs + BLOCK_MS
      const elapsedH = Math.max((ctx.now - startMs) / HOUR_MS, 0.25)
      return {
        ...b,
        firstActivityAt: new Date(first).toISOString(),
        lastActivityAt: new Date(last + Q15_MS - 1).toISOString(),
        isActive,
        costUsd: roundUsd(cost),
        burnRateUsdPerHour: isActive && cost !== null ? roundUsd(cost / elapsedH) : null,
        projectedCostUsd: isActive && cost !== null ? roundUsd((cost / elapsedH) * (BLOCK_MS / HOUR_MS)) : null,
      }
    }),
  }
}
