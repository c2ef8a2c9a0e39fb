import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { dailyReport } from '../reports/calendar-reports.ts'
import { sessionsReport } from '../reports/sessions-report.ts'
import { renderCsv } from './csv.ts'
import { buildExport } from './export-rows.ts'
import { EXPORT_GROUPS, type ExportGroup } from './export-types.ts'
import { CLAUDE_PRO, FILTER, QUOTED_PROJECT, testLedger, UNPRICED_MODEL } from './test-ledger.ts'

const FIGURES = 'requests,input,output,cache_write,cache_read,reasoning,total_tokens,cost_usd,effective_cost_usd'

function csvOf(group: ExportGroup, plans = [CLAUDE_PRO]): { text: string; records: Record<string, string>[]; ctx: ReturnType<typeof testLedger> } {
  const ctx = testLedger(plans)
  const text = renderCsv(buildExport(ctx, { group, filter: FILTER }).data)
  return { text, records: parse(text, { columns: true }), ctx }
}

describe('renderCsv', () => {
  it.each([
    ['day', `date,provider,model,${FIGURES}`],
    ['month', `month,provider,model,${FIGURES}`],
    ['provider', `provider,model,${FIGURES}`],
    ['model', `provider,model,${FIGURES}`],
    ['project', `project,provider,model,${FIGURES}`],
    ['session', `session_id,project,provider,model,${FIGURES}`],
  ] as const)('group %s has the documented header', (group, header) => {
    expect(csvOf(group).text.split('\r\n')[0]).toBe(header)
  })

  it.each(EXPORT_GROUPS)('group %s: the TOTAL row parses back to the daily totals', (group) => {
    const { records, ctx } = csvOf(group)
    const daily = dailyReport(ctx, FILTER).totals
    const total = records.at(-1)!
    expect(Object.values(total)[0]).toBe('TOTAL')
    expect([total.requests, total.input, total.output, total.cache_write, total.cache_read, total.reasoning].map(Number)).toEqual([
      daily.requests,
      daily.tokens.input,
      daily.tokens.output,
      daily.tokens.cacheWrite,
      daily.tokens.cacheRead,
      daily.tokens.reasoning,
    ])
    expect(Number(total.total_tokens)).toBe(1_688_500)
    expect(Number(total.cost_usd)).toBe(daily.costUsd)
    expect(Number(total.effective_cost_usd)).toBe(daily.economics?.effectiveCostUsd)
  })

  it('session TOTAL equals the sessions report totals', () => {
    const { records, ctx } = csvOf('session')
    const totals = sessionsReport(ctx, FILTER).totals
    expect([Number(records.at(-1)!.requests), Number(records.at(-1)!.cost_usd)]).toEqual([totals.requests, totals.costUsd])
  })

  it('writes RFC 4180: CRLF line ends, a field with a comma and a quote quoted with the quote doubled', () => {
    const { text, records } = csvOf('project')
    expect(text).toContain(`\r\n"/home/dev/a ""quoted"", project",claude,claude-sonnet-4-5,1,1000,2000,10000,100000,0,113000,0.123,`)
    expect(records.map((r) => r.project)).toContain(QUOTED_PROJECT)
  })

  it('leaves cost cells empty for an unpriced model (never 0)', () => {
    const { records } = csvOf('model')
    expect(records.find((r) => r.model === UNPRICED_MODEL)).toMatchObject({ requests: '1', total_tokens: '5500', cost_usd: '', effective_cost_usd: '' })
  })

  it('with a plan, effective cost differs from list cost for covered usage', () => {
    const { records } = csvOf('day')
    expect(records.find((r) => r.date === '2026-11-21')).toMatchObject({ model: 'claude-haiku-4-5', cost_usd: '0.2', effective_cost_usd: '0.666667' })
    expect(records.find((r) => r.date === '2026-11-22' && r.provider === 'codex')).toMatchObject({ cost_usd: '1', effective_cost_usd: '1' })
  })

  it('leaves model empty on provider lines', () => {
    const { records } = csvOf('provider', [])
    expect(records.map((r) => [r.provider, r.model, r.cost_usd])).toEqual([
      ['claude', '', '15.323'],
      ['codex', '', '1'],
      ['TOTAL', '', '16.323'],
    ])
  })
})
