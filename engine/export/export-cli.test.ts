import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, it } from 'vitest'
import type { DailyReport } from '../../common/reports.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const HOME = join(ROOT, 'fixtures/claude/basic/home')
const dir = mkdtempSync(join(tmpdir(), 'tokenledger-export-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the real CLI from source on the fixture home, with its own ledger file. */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['engine/cli/main.ts', ...args, '--home', HOME, '--db', join(dir, 'ledger.db'), '--tz', 'UTC'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TOKENLEDGER_DB: '', TOKENLEDGER_HOME: '' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('tokenledger export (end to end)', () => {
  it('prints a CSV whose TOTAL row has the same tokens and cost as `daily --json`', () => {
    const csv = cli('export', '--format', 'csv', '--group', 'model')
    const daily = cli('daily', '--json')
    expect([csv.status, daily.status]).toEqual([0, 0])
    const totals = (JSON.parse(daily.stdout) as DailyReport).totals
    const total = (parse(csv.stdout, { columns: true }) as Record<string, string>[]).at(-1)!
    expect(total.provider).toBe('TOTAL')
    // fixtures/claude/basic/expected.json: 4 requests, input 28, output 814, cache write 2048 + 1500, cache read 29,200.
    expect([total.requests, total.input, total.output, total.cache_write, total.cache_read].map(Number)).toEqual([4, 28, 814, 3548, 29_200])
    expect([totals.requests, totals.tokens.input, totals.tokens.output, totals.tokens.cacheWrite, totals.tokens.cacheRead]).toEqual([4, 28, 814, 3548, 29_200])
    expect(Number(total.cost_usd)).toBe(totals.costUsd)
  })

  it('writes --out FILE and says so on stderr, leaving stdout empty', () => {
    const out = join(dir, 'report.html')
    const r = cli('export', '--format', 'html', '--group', 'month', '--out', out)
    expect([r.status, r.stdout, r.stderr.trim()]).toEqual([0, '', `Wrote ${out}`])
    expect(readFileSync(out, 'utf8')).toContain('<dd id="requests">4</dd>')
  })

  it.each([
    [['--format', 'pdf', '--group', 'day'], '--format "pdf" is not one of csv, json, md, html'],
    [['--format', 'csv'], '--group is required'],
    [['--format', 'csv', '--group', 'week'], '--group "week" is not one of'],
    [['--format', 'csv', '--group', 'day', '--since', '2025-13-01'], 'invalid date "2025-13-01"'],
    [['--format', 'csv', '--group', 'day', '--out', '/nonexistent-dir/x.csv'], 'cannot write --out /nonexistent-dir/x.csv: its folder does not exist'],
  ])('%j is a usage error (exit 2): %s', (args, message) => {
    const r = cli('export', ...args)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(message)
  })
})
