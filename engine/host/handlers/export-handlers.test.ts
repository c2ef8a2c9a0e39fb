import { join, resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import type { MethodName, MethodParams, MethodResults } from '../../../common/engine-methods.ts'
import { Engine } from '../../core/engine.ts'
import { dispatch } from '../dispatch.ts'

/** fixtures/claude/basic: Sonnet on 2025-10-01 09:00 UTC (2 requests), Haiku on 2025-10-02 14:30 UTC (2 requests). */
const HOME = join(resolve(import.meta.dirname, '../../..'), 'fixtures/claude/basic/home')
const NOW = Date.UTC(2025, 9, 20, 12)
const RANGE = { since: '2025-10-01', until: '2025-10-02' }

let engine: Engine
afterEach(() => engine.db.close())

function open(): Engine {
  engine = new Engine({ dbPath: ':memory:', discovery: { home: HOME, env: {}, platform: 'linux' }, timezone: 'UTC', now: () => NOW })
  engine.ingest()
  return engine
}

/** Runs a method through the real dispatcher (validation included) and returns its result. */
async function call<M extends MethodName>(e: Engine, method: M, params: MethodParams<M>): Promise<MethodResults[M]> {
  const outcome = await dispatch(e, null, method, params)
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome.result as MethodResults[M]
}

describe('export.render', () => {
  it('renders the CSV the CLI writes: day lines, a TOTAL equal to report.daily, a dated file name', async () => {
    const e = open()
    const rendered = await call(e, 'export.render', { format: 'csv', group: 'day', ...RANGE })
    const daily = await call(e, 'report.daily', RANGE)
    const records = parse(rendered.content, { columns: true }) as Record<string, string>[]
    expect(records.map((r) => [r.date, r.model, r.requests])).toEqual([
      ['2025-10-01', 'claude-sonnet-4-5', '2'],
      ['2025-10-02', 'claude-haiku-4-5', '2'],
      ['TOTAL', '', '4'],
    ])
    // fixtures/claude/basic/expected.json: input 28, output 814, cache write 2048 + 1500, cache read 29,200.
    expect(['input', 'output', 'cache_write', 'cache_read'].map((k) => Number(records.at(-1)![k]))).toEqual([28, 814, 3548, 29_200])
    expect(Number(records.at(-1)!.requests)).toBe(daily.totals.requests)
    expect(Number(records.at(-1)!.cost_usd)).toBe(daily.totals.costUsd)
    expect(rendered.suggestedName).toBe('tokenledger-2025-10-01_2025-10-02-by-day.csv')
    expect(rendered.mimeType).toBe('text/csv; charset=utf-8')
    expect(rendered.content).not.toMatch(/Placeholder (prompt|answer)|placeholder output/i)
  })

  it('buckets days in the engine time zone: at UTC+14 the Haiku requests fall on Oct 3, outside the range', async () => {
    const e = open()
    e.setTimezone('Pacific/Kiritimati')
    const rendered = await call(e, 'export.render', { format: 'json', group: 'model', ...RANGE })
    const json = JSON.parse(rendered.content) as { timezone: string; totals: { requests: number }; rows: { model: string }[] }
    expect(json.timezone).toBe('Pacific/Kiritimati')
    expect(json.totals.requests).toBe(2)
    expect(json.rows.map((r) => r.model)).toEqual(['claude-sonnet-4-5'])
  })

  it('names HTML and Markdown files by format and group, with their MIME types', async () => {
    const e = open()
    const html = await call(e, 'export.render', { format: 'html', group: 'month', ...RANGE })
    const md = await call(e, 'export.render', { format: 'md', group: 'project', ...RANGE })
    expect([html.suggestedName, html.mimeType]).toEqual(['tokenledger-2025-10-01_2025-10-02-by-month.html', 'text/html; charset=utf-8'])
    expect(html.content).toContain('<dd id="requests">4</dd>')
    expect([md.suggestedName, md.mimeType]).toEqual(['tokenledger-2025-10-01_2025-10-02-by-project.md', 'text/markdown; charset=utf-8'])
  })

  it('rejects a reversed range with a message on the until field', async () => {
    const outcome = await dispatch(open(), null, 'export.render', { format: 'csv', group: 'day', since: '2025-10-02', until: '2025-10-01' })
    expect(outcome).toEqual({ ok: false, error: { code: 'invalid-params', message: expect.stringContaining('until') as string, fields: [{ field: 'until', message: 'must be on or after 2025-10-02' }] } })
  })

  it('rejects an unknown format before rendering (PDF is printed by the shell, not the engine)', async () => {
    const outcome = await dispatch(open(), null, 'export.render', { format: 'pdf', group: 'day', ...RANGE })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-params', fields: [{ field: 'format' }] } })
  })
})
