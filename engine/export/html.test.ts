import { describe, expect, it } from 'vitest'
import { dailyReport } from '../reports/calendar-reports.ts'
import { EventWriter } from '../store/event-writer.ts'
import { testEvent } from '../store/test-events.ts'
import { buildExport } from './export-rows.ts'
import { EXPORT_GROUPS, type ExportGroup } from './export-types.ts'
import { esc, renderHtml } from './html.ts'
import { CLAUDE_PRO, FILTER, QUOTED_PROJECT, SCRIPT_PROJECT, testLedger, UNPRICED_MODEL } from './test-ledger.ts'

const NOVEMBER = { since: '2026-11-01', until: '2026-11-30', timezone: 'UTC' }

function htmlOf(group: ExportGroup = 'month', filter = NOVEMBER, plans = [CLAUDE_PRO]): string {
  return renderHtml(buildExport(testLedger(plans), { group, filter }))
}

/** The cells of the table row whose first cell is `first`, keyed by data-col. */
function rowCells(html: string, section: string, first: string): Record<string, string> {
  const part = html.slice(html.indexOf(`<section class="${section}">`))
  const row = part.slice(0, part.indexOf('</section>')).split('<tr>').find((r) => r.startsWith(`<th scope="row" data-col="`) && r.includes(`>${esc(first)}</th>`))
  return Object.fromEntries([...(row ?? '').matchAll(/data-col="([^"]+)"[^>]*>([^<]*)</g)].map((m) => [m[1]!, m[2]!]))
}

const dd = (html: string, id: string): string | undefined => new RegExp(`<dd id="${id}">([^<]*)</dd>`).exec(html)?.[1]

describe('renderHtml', () => {
  it('titles the report with the month and shows F, A, V, the multiple, effective cost and $/Mtok', () => {
    const html = htmlOf()
    expect(html).toContain('<title>AI coding agent usage — November 2026</title>')
    // Nov: fee $20 (whole month), API spend = Codex $1.00, covered value $0.323, tokens 238,500 covered + 450,000 API.
    expect([dd(html, 'plan-fees'), dd(html, 'api-spend'), dd(html, 'value'), dd(html, 'multiple'), dd(html, 'effective-cost'), dd(html, 'usd-per-mtok')]).toEqual([
      '$20.00',
      '$1.00',
      '$1.32',
      '0.02×',
      '$21.00',
      '$30.50 / Mtok',
    ])
  })

  it('has a provider table with fees, spend and effective cost per provider', () => {
    const html = htmlOf()
    expect(rowCells(html, 'by-provider', 'Claude Code')).toMatchObject({ requests: '3', tokens: '238,500', value: '$0.32', 'plan-fees': '$20.00', 'api-spend': '$0.00', effective: '$20.00' })
    expect(rowCells(html, 'by-provider', 'Codex CLI')).toMatchObject({ requests: '1', value: '$1.00', effective: '$1.00' })
    expect(rowCells(html, 'by-provider', 'Total')).toMatchObject({ requests: '4', tokens: '688,500', effective: '$21.00' })
  })

  it('has a project table whose effective costs add up to F + A', () => {
    const html = htmlOf()
    expect(rowCells(html, 'by-project', QUOTED_PROJECT)).toMatchObject({ requests: '1', value: '$0.12', effective: '$7.62' }) // 0.123 / 0.323 × $20
    expect(rowCells(html, 'by-project', 'Total')).toMatchObject({ requests: '4', effective: '$21.00' })
  })

  it('shows plan fees not matched by priced usage as their own project line', () => {
    const html = htmlOf('day')
    // Per-day blending puts only the fees of days with priced covered usage on projects: Nov 20 and 21,
    // 2 × $20/30. Nov 22's covered usage is unpriced, so its fee share has nothing to land on.
    expect(rowCells(html, 'by-project', 'Plan fees not matched by priced usage')).toMatchObject({ effective: '$18.67' })
    expect(rowCells(html, 'by-project', 'Total')).toMatchObject({ effective: '$21.00' })
  })

  it('escapes a project named <script> and contains no script or remote resource at all', () => {
    const html = htmlOf()
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(html).not.toContain(SCRIPT_PROJECT)
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|@import|url\(/i)
    expect(html).toContain("default-src 'none'")
  })

  it('lists the active plans, the registry version, and unpriced models with their tokens', () => {
    const html = htmlOf()
    expect(rowCells(html, 'plans', 'Claude Pro')).toMatchObject({ fee: '$20.00 monthly', coverage: '2026-11-01 – ongoing', days: '30', 'fee-in-period': '$20.00' })
    expect(html).toMatch(/<span id="registry">genai-prices-[^<]+<\/span>/)
    expect(rowCells(html, 'unpriced', UNPRICED_MODEL)).toMatchObject({ provider: 'Claude Code', requests: '1', tokens: '5,500' })
  })

  it('says when there are no plans, and is print-friendly', () => {
    const html = htmlOf('provider', NOVEMBER, [])
    expect(html).toContain('No subscriptions in this period')
    expect(html).toContain('@media print')
    expect(dd(html, 'multiple')).toBe('—')
  })

  it.each(EXPORT_GROUPS)('group %s: total requests and list cost match the daily report', (group) => {
    const ctx = testLedger([CLAUDE_PRO])
    const daily = dailyReport(ctx, FILTER).totals
    const html = renderHtml(buildExport(ctx, { group, filter: FILTER }))
    expect(rowCells(html, 'by-provider', 'Total')).toMatchObject({ requests: String(daily.requests), value: `$${daily.costUsd!.toFixed(2)}` })
    expect(dd(html, 'effective-cost')).toBe(`$${daily.economics!.effectiveCostUsd.toFixed(2)}`)
  })

  it('says Cursor figures are account-wide as of the export date, only when Cursor usage is in the report', () => {
    expect(htmlOf()).not.toContain('id="cursor-note"')
    const ctx = testLedger([CLAUDE_PRO])
    const w = new EventWriter(ctx.db)
    ctx.db.transaction(() => w.write([testEvent({ dedupeKey: 'cur', messageId: 'cur', provider: 'cursor', account: 'cursor-export', modelRaw: 'claude-4.5-sonnet', eventTs: Date.UTC(2026, 10, 20, 8), vendorCostUsd: 0.42 })], 0))()
    const html = renderHtml(buildExport(ctx, { group: 'provider', filter: NOVEMBER }))
    expect(html).toContain('<p id="cursor-note">Cursor figures come from Cursor')
    expect(html).toContain('account-wide, as of the export date')
  })
})
