import { describe, expect, it } from 'vitest'
import { dailyReport } from '../reports/calendar-reports.ts'
import { buildExport } from './export-rows.ts'
import { EXPORT_GROUPS } from './export-types.ts'
import { renderMarkdown } from './markdown.ts'
import { CLAUDE_PRO, FILTER, testLedger, UNPRICED_MODEL } from './test-ledger.ts'

/** Splits a Markdown table row into its cells, honouring `\|` escapes. */
const cells = (line: string): string[] => line.slice(2, -2).split(/ (?<!\\)\| /).map((c) => c.trim())
const num = (cell: string): number => Number(cell.replace(/[$,]/g, ''))

function tableOf(group: (typeof EXPORT_GROUPS)[number]): { header: string[]; rows: string[][]; text: string; ctx: ReturnType<typeof testLedger> } {
  const ctx = testLedger([CLAUDE_PRO])
  const text = renderMarkdown(buildExport(ctx, { group, filter: FILTER }).data)
  const lines = text.split('\n').filter((l) => l.startsWith('| '))
  return { header: cells(lines[0]!), rows: lines.slice(2).map(cells), text, ctx }
}

describe('renderMarkdown', () => {
  it.each(EXPORT_GROUPS)('group %s: the TOTAL row matches the daily totals', (group) => {
    const { header, rows, ctx } = tableOf(group)
    const daily = dailyReport(ctx, FILTER).totals
    const total = Object.fromEntries(header.map((h, i) => [h, rows.at(-1)![i]!]))
    expect(rows.at(-1)![0]).toBe('**TOTAL**')
    expect([total.Requests, total.Input, total.Output, total['Cache write'], total['Cache read'], total.Reasoning].map((c) => num(c!))).toEqual([
      daily.requests,
      daily.tokens.input,
      daily.tokens.output,
      daily.tokens.cacheWrite,
      daily.tokens.cacheRead,
      daily.tokens.reasoning,
    ])
    expect(num(total['Cost (USD, list)']!)).toBeCloseTo(daily.costUsd!, 2)
    expect(num(total['Effective (USD)']!)).toBeCloseTo(daily.economics!.effectiveCostUsd, 2)
  })

  it('has one table row per export line, every row as wide as the header', () => {
    const { header, rows } = tableOf('project')
    expect(rows).toHaveLength(5 + 1)
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([header.length]))
  })

  it('escapes markup in ids and says "unpriced" instead of $0', () => {
    const { rows, text } = tableOf('project')
    expect(rows.map((r) => r[0])).toContain('\\<script\\>alert(1)\\</script\\>')
    expect(text).not.toContain('<script>')
    expect(rows.find((r) => r[2] === UNPRICED_MODEL)?.slice(-2)).toEqual(['unpriced', 'unpriced'])
    expect(text).toContain(`${UNPRICED_MODEL} (claude, 5,500 tokens)`)
  })
})
