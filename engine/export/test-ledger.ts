import type { ReportFilter } from '../../common/reports.ts'
import { createPricer, type UserPlan } from '../pricing/index.ts'
import { LocalCalendar } from '../reports/local-time.ts'
import type { ReportContext } from '../reports/report-context.ts'
import { EventWriter } from '../store/event-writer.ts'
import { openLedger } from '../store/open-ledger.ts'
import { testEvent } from '../store/test-events.ts'

/** Test-only: an in-memory ledger with known usage, for the export tests. */
export const NOW = Date.UTC(2026, 10, 23, 12, 0) // Monday 2026-11-23 12:00 UTC

export const QUOTED_PROJECT = '/home/dev/a "quoted", project'
export const SCRIPT_PROJECT = '<script>alert(1)</script>'
export const UNPRICED_MODEL = 'mystery-model-9'

export const CLAUDE_PRO: UserPlan = { id: 'plan-pro', name: 'Claude Pro', catalogueId: 'claude-pro', provider: 'claude', account: null, billing: 'monthly', feeUsd: 20, startDate: '2026-11-01', endDate: null }

export const FILTER: ReportFilter = { since: '2026-10-01', until: '2026-11-23', timezone: 'UTC' }

/**
 * Sonnet 4.5 ($/Mtok: input 3, output 15, cache read 0.30, 1h write 6):
 * - Oct 15, /home/dev/shop: 1,000,000 output = $15
 * - Nov 20, QUOTED_PROJECT: 1000 in + 2000 out + 100,000 read + 10,000 1h write = $0.123
 * Haiku 4.5 (input 1, output 5): Nov 21, SCRIPT_PROJECT: 100,000 in + 20,000 out = $0.20
 * Codex gpt-5 (input 1.25, output 10): Nov 22, /home/dev/shop: 400,000 in + 50,000 out (reasoning 10,000) = $1.00
 * Unpriced mystery-model-9 (Claude): Nov 22, /home/dev/shop: 5,000 in + 500 out
 */
export function testLedger(plans: UserPlan[] = []): ReportContext {
  const db = openLedger(':memory:')
  const w = new EventWriter(db)
  const ev = (id: string, over: Parameters<typeof testEvent>[0]) => testEvent({ dedupeKey: id, messageId: id, requestId: id, ...over })
  db.transaction(() =>
    w.write(
      [
        ev('oct', { eventTs: Date.UTC(2026, 9, 15, 9), sessionId: 's-oct', project: '/home/dev/shop', tokens: { input: 0, output: 1_000_000, cacheRead: 0, cacheWrite1h: 0 } }),
        ev('quoted', { eventTs: Date.UTC(2026, 10, 20, 10), sessionId: 's-quoted', project: QUOTED_PROJECT, tokens: { input: 1000, output: 2000, cacheRead: 100_000, cacheWrite1h: 10_000 } }),
        ev('script', { eventTs: Date.UTC(2026, 10, 21, 10), sessionId: 's-script', project: SCRIPT_PROJECT, modelRaw: 'claude-haiku-4-5-20251001', tokens: { input: 100_000, output: 20_000, cacheRead: 0, cacheWrite1h: 0 } }),
        ev('codex', { eventTs: Date.UTC(2026, 10, 22, 10), sessionId: 's-codex', provider: 'codex', account: '/home/dev/.codex', project: '/home/dev/shop', modelRaw: 'gpt-5', tokens: { input: 400_000, output: 50_000, reasoning: 10_000, cacheRead: 0, cacheWrite1h: 0 } }),
        ev('mystery', { eventTs: Date.UTC(2026, 10, 22, 11), sessionId: 's-mystery', project: '/home/dev/shop', modelRaw: UNPRICED_MODEL, tokens: { input: 5000, output: 500, cacheRead: 0, cacheWrite1h: 0 } }),
      ],
      0,
    ),
  )()
  return { db, pricer: createPricer([]), plans, rules: [], calendar: new LocalCalendar('UTC'), now: NOW }
}
