import { describe, expect, it } from 'vitest'
import { dailyReport } from '../reports/calendar-reports.ts'
import { buildExport } from './export-rows.ts'
import { EXPORT_GROUPS } from './export-types.ts'
import { renderJson, type ExportJson } from './json.ts'
import { CLAUDE_PRO, FILTER, testLedger, UNPRICED_MODEL } from './test-ledger.ts'

function jsonOf(group: (typeof EXPORT_GROUPS)[number]): { doc: ExportJson; ctx: ReturnType<typeof testLedger> } {
  const ctx = testLedger([CLAUDE_PRO])
  return { doc: JSON.parse(renderJson(buildExport(ctx, { group, filter: FILTER }).data)) as ExportJson, ctx }
}

describe('renderJson', () => {
  it.each(EXPORT_GROUPS)('group %s: parses back with the documented top-level shape and the daily totals', (group) => {
    const { doc, ctx } = jsonOf(group)
    const daily = dailyReport(ctx, FILTER).totals
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'generatedAt', 'timezone', 'group', 'range', 'registryVersion', 'rows', 'totals', 'economics', 'unpricedModels'])
    expect(doc).toMatchObject({ schemaVersion: 1, group, timezone: 'UTC', range: { since: '2026-10-01', until: '2026-11-23' }, generatedAt: '2026-11-23T12:00:00.000Z' })
    expect(doc.totals).toEqual({ requests: daily.requests, tokens: { ...daily.tokens, total: 1_688_500 }, costUsd: daily.costUsd, effectiveCostUsd: daily.economics?.effectiveCostUsd })
    expect(doc.economics).toMatchObject(daily.economics!)
  })

  it.each([
    ['day', ['date', 'provider', 'model']],
    ['month', ['month', 'provider', 'model']],
    ['provider', ['provider', 'model']],
    ['model', ['provider', 'model']],
    ['project', ['project', 'provider', 'model']],
    ['session', ['sessionId', 'project', 'provider', 'model']],
  ] as const)('group %s rows are keyed by %j, then the figures', (group, keys) => {
    expect(Object.keys(jsonOf(group).doc.rows[0]!)).toEqual([...keys, 'requests', 'tokens', 'costUsd', 'effectiveCostUsd'])
  })

  it('keeps unpriced costs null and lists the model with its tokens', () => {
    const { doc } = jsonOf('model')
    expect(doc.rows.find((r) => r.model === UNPRICED_MODEL)).toMatchObject({ costUsd: null, effectiveCostUsd: null, tokens: { total: 5500 } })
    expect(doc.unpricedModels).toEqual([{ provider: 'claude', model: UNPRICED_MODEL, requests: 1, tokens: 5500 }])
  })

  it('includes the plans active in the range', () => {
    expect(jsonOf('month').doc.economics.plans.map((p) => [p.name, p.feeUsd, p.activeDays])).toEqual([['Claude Pro', 15.333333, 23]])
  })
})
