import { Command } from 'commander'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { cursorCsvAdapter } from '../../adapters/cursor/index.ts'
import { csv, TOKSCALE_CSV, type RowSpec } from '../../adapters/cursor/test-csv.ts'
import { Engine } from '../core/engine.ts'
import { formatCursorImport, importCursorExport, registerImportCommand, type CursorImportResult } from './import-command.ts'
import { UsageError } from './options.ts'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function setup() {
  const base = mkdtempSync(join(tmpdir(), 'tl-import-'))
  dirs.push(base)
  const home = join(base, 'home')
  const ctx: DiscoveryContext = { home, env: {}, platform: 'linux' }
  const dbPath = join(base, 'ledger.sqlite')
  const file = (name: string, text: string): string => {
    const p = join(base, name)
    writeFileSync(p, text)
    return p
  }
  const importDir = join(home, '.tokenledger', 'imports', 'cursor')
  const stored = (): string[] => readdirSync(importDir)
  const totals = () => {
    const engine = new Engine({ dbPath, discovery: ctx, timezone: 'UTC', adapters: [cursorCsvAdapter] })
    try {
      return engine.db.prepare('SELECT count(*) AS requests, sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite FROM events').get()
    } finally {
      engine.close()
    }
  }
  const run = (path: string) => importCursorExport(path, { ctx, dbPath, now: () => 0 })
  return { base, home, dbPath, ctx, file, stored, totals, run }
}

describe('importCursorExport', () => {
  it("imports tokscale's real-format export: rows, new events, dates, kinds and Cursor's cost", () => {
    const t = setup()
    const path = t.file('cursor_usage.csv', TOKSCALE_CSV)
    const { source, storedAs: _, ...counts } = t.run(path)
    expect([source, counts]).toEqual([path, {
      schemaVersion: 1,
      alreadyImported: false,
      rows: 2,
      usageRows: 2,
      newEvents: 2,
      skipped: {},
      firstEventAt: '2025-11-13T13:35:04.658Z',
      lastEventAt: '2025-11-13T18:36:05.846Z',
      byKind: { Included: 1, 'On-Demand': 1 },
      cursorCostUsd: 0.22,
    }])
  })

  it('keeps the export in the watched folder, named by its newest date and content hash', () => {
    const t = setup()
    const r = t.run(t.file('cursor_usage.csv', TOKSCALE_CSV))
    expect([t.stored(), r.storedAs]).toEqual([[expect.stringMatching(/^cursor-usage-2025-11-13-[0-9a-f]{16}\.csv$/)], join(t.home, '.tokenledger', 'imports', 'cursor', t.stored()[0]!)])
  })

  it('the same file imported twice is one file and counts once', () => {
    const t = setup()
    const path = t.file('cursor_usage.csv', TOKSCALE_CSV)
    t.run(path)
    const again = t.run(path)
    expect([again.alreadyImported, again.newEvents, t.stored().length, t.totals()]).toEqual([
      true,
      0,
      1,
      { requests: 2, input: 9038, output: 22894, cacheRead: 172855, cacheWrite: 28342 },
    ])
  })

  it('an overlapping export adds only the rows the ledger does not have', () => {
    const t = setup()
    const rows: RowSpec[] = [
      { date: '2025-11-01T10:00:00.000Z', model: 'auto', tokens: [1000, 200, 5000, 300] },
      { date: '2025-11-10T11:00:00.000Z', model: 'gpt-5', tokens: [0, 400, 8000, 600] },
      { date: '2025-11-20T09:30:00.000Z', model: 'gpt-5', tokens: [0, 700, 0, 100] },
    ]
    t.run(t.file('october-november.csv', csv('kinds', rows.slice(0, 2))))
    const second = t.run(t.file('november.csv', csv('agents', rows.slice(1))))
    expect([second.usageRows, second.newEvents, t.totals()]).toEqual([2, 1, { requests: 3, input: 1300, output: 1000, cacheRead: 13000, cacheWrite: 1000 }])
  })

  it('counts skipped rows by reason', () => {
    const t = setup()
    const r = t.run(t.file('x.csv', csv('kinds', [
      { date: '2025-11-01T10:00:00.000Z', model: 'auto', tokens: [0, 0, 0, 0], kind: 'Errored, No Charge' },
      { date: '2025-11-01T10:01:00.000Z', model: 'auto', tokens: [0, 10, 0, 5], total: 99 },
      { date: '2025-11-01T10:02:00.000Z', model: 'auto', tokens: [0, 10, 0, 5] },
    ])))
    expect([r.rows, r.usageRows, r.skipped]).toEqual([3, 1, { 'zero-tokens': 1, 'total-mismatch': 1 }])
  })

  it('imported exports survive a rebuild (they are read again from the folder, not counted twice)', () => {
    const t = setup()
    t.run(t.file('cursor_usage.csv', TOKSCALE_CSV))
    const engine = new Engine({ dbPath: t.dbPath, discovery: t.ctx, timezone: 'UTC', adapters: [cursorCsvAdapter] })
    engine.rebuild()
    engine.close()
    expect(t.totals()).toEqual({ requests: 2, input: 9038, output: 22894, cacheRead: 172855, cacheWrite: 28342 })
  })

  it.each([
    ['another CSV', 'id,name\n1,ana\n', /is not a Cursor usage export: missing columns "Date", "Model"/],
    ["Cursor's per-model summary", 'Model,Request Count,Input (w/ Cache Write),Input (w/o Cache Write),Cache Read,Output Tokens,Total Tokens,Cost ($)\n', /per-model summary/],
    ['an empty file', '', /the file is empty/],
  ])('refuses %s with a clear message and copies nothing', (_, text, message) => {
    const t = setup()
    const path = t.file('not-usage.csv', text)
    expect(() => t.run(path)).toThrow(message)
    expect(() => t.stored()).toThrow(/ENOENT/)
  })

  it('refuses a missing file as a usage error', () => {
    const t = setup()
    expect(() => t.run(join(t.base, 'nope.csv'))).toThrow(new UsageError(`cannot read ${join(t.base, 'nope.csv')}: no such file`))
  })
})

describe('formatCursorImport', () => {
  const result: CursorImportResult = {
    schemaVersion: 1,
    source: '/home/dev/Downloads/usage-events-2025-11-13.csv',
    storedAs: '/home/dev/.tokenledger/imports/cursor/cursor-usage-2025-11-13-0123456789abcdef.csv',
    alreadyImported: false,
    rows: 1240,
    usageRows: 1230,
    newEvents: 1000,
    skipped: { 'zero-tokens': 9, 'total-mismatch': 1 },
    firstEventAt: '2025-10-14T03:00:00.000Z',
    lastEventAt: '2025-11-13T18:36:05.846Z',
    byKind: { Included: 1200, 'On-Demand': 30 },
    cursorCostUsd: 41.5,
  }

  it('says what was read, what is new, what was skipped, the local dates, and what the rows mean', () => {
    expect(formatCursorImport(result, 'America/Los_Angeles').split('\n')).toEqual([
      'Imported usage-events-2025-11-13.csv',
      '  kept as /home/dev/.tokenledger/imports/cursor/cursor-usage-2025-11-13-0123456789abcdef.csv',
      '  1,240 rows: 1,230 usage rows, 1,000 new in the ledger, 230 already there',
      '  skipped 10 (zero-tokens 9, total-mismatch 1)',
      "  dates 2025-10-13 to 2025-11-13 (America/Los_Angeles); Cursor's own cost $41.50",
      "  Cursor's rows are account-wide (every machine), as of the export date; each row may combine several requests.",
      '',
    ])
  })
})

describe('tokenledger import cursor FILE (registered command)', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    process.exitCode = undefined
  })

  /** The command registered on a fresh program, with stdout and stderr captured. */
  function cli(): { program: Command; out: string[]; err: string[] } {
    const out: string[] = []
    const err: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true))
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true))
    const program = new Command().exitOverride()
    const withCommonFlags = (c: Command): Command => c.option('--home <dir>').option('--db <file>').option('--tz <zone>').option('--json').option('--demo')
    registerImportCommand(program, withCommonFlags)
    return { program, out, err }
  }

  it('--json prints the import result', async () => {
    const t = setup()
    const path = t.file('cursor_usage.csv', TOKSCALE_CSV)
    const io = cli()
    await io.program.parseAsync(['import', 'cursor', path, '--home', t.home, '--db', t.dbPath, '--json'], { from: 'user' })
    expect(JSON.parse(io.out.join(''))).toMatchObject({ rows: 2, usageRows: 2, newEvents: 2, cursorCostUsd: 0.22 })
  })

  it('a file that is not an export exits with code 2 and one line on stderr', async () => {
    const t = setup()
    const path = t.file('contacts.csv', 'id,name\n1,ana\n')
    const io = cli()
    await io.program.parseAsync(['import', 'cursor', path, '--home', t.home, '--db', t.dbPath], { from: 'user' })
    expect([process.exitCode, io.err.join('')]).toEqual([2, `tokenledger: ${path} is not a Cursor usage export: missing columns "Date", "Model", "Input (w/ Cache Write)", "Input (w/o Cache Write)", "Cache Read", "Output Tokens"\n`])
  })
})
