import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { claudeFifteenDollarLine } from '../../../e2e/harness/log-lines.ts'
import type { CursorImportView } from '../../../common/methods/sources-methods.ts'
import { Engine } from '../../core/engine.ts'
import { dispatch } from '../dispatch.ts'

/** `ledger.rebuild` and `sources.importCursor` as the preferences window calls them (through dispatch). */

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/cursor')
const fixtureCsv = (name: string, file: string): string => join(FIXTURES, name, 'home', '.tokenledger', 'imports', 'cursor', file)
// 2025-11-20: the fixtures' rows are this month.
const NOW = Date.UTC(2025, 10, 20, 12)

const temps: string[] = []
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true })
})

function setup() {
  const base = mkdtempSync(join(tmpdir(), 'tl-sources-handlers-'))
  temps.push(base)
  const home = join(base, 'home')
  mkdirSync(home)
  const engine = new Engine({ dbPath: ':memory:', discovery: { home, env: {}, platform: 'linux' }, timezone: 'UTC', now: () => NOW })
  engine.ingest()
  /** A user's download: the fixture copied somewhere outside the import folder. */
  const download = (name: string, file: string): string => {
    const to = join(base, file)
    copyFileSync(fixtureCsv(name, file), to)
    return to
  }
  const call = (method: 'sources.importCursor' | 'ledger.rebuild', params: object) => dispatch(engine, null, method, params)
  /** A successful import's result (the test fails with the engine's message otherwise). */
  const imported = async (path: string): Promise<CursorImportView> => {
    const outcome = await call('sources.importCursor', { path })
    if (!outcome.ok) throw new Error(outcome.error.message)
    return outcome.result as CursorImportView
  }
  const cursorCard = () => engine.snapshot().providers.find((p) => p.provider === 'cursor')
  return { base, home, engine, download, call, imported, cursorCard }
}

describe('sources.importCursor', () => {
  it("imports a Cursor export: rows, new events, date span and Cursor's own cost; the snapshot's Cursor figures include it", async () => {
    const t = setup()
    const path = t.download('tokscale-real-format', 'cursor-usage-2025-11-13.csv')
    const outcome = await t.call('sources.importCursor', { path })
    expect(outcome).toEqual({
      ok: true,
      result: {
        schemaVersion: 1,
        source: path,
        storedAs: expect.stringMatching(/\/home\/\.tokenledger\/imports\/cursor\/cursor-usage-2025-11-13-[0-9a-f]{16}\.csv$/),
        alreadyImported: false,
        rows: 2,
        usageRows: 2,
        newEvents: 2,
        skipped: {},
        firstEventAt: '2025-11-13T13:35:04.658Z',
        lastEventAt: '2025-11-13T18:36:05.846Z',
        byKind: { Included: 1, 'On-Demand': 1 },
        cursorCostUsd: 0.22,
      },
    })
    const card = t.cursorCard()
    expect([card?.month.requests, card?.month.tokens]).toEqual([2, { input: 9038, output: 22894, cacheRead: 172855, cacheWrite: 28342, reasoning: 0 }])
    expect(t.engine.sources().find((s) => s.provider === 'cursor')).toMatchObject({ exists: true, files: 1, events: 2, lastEventAt: '2025-11-13T18:36:05.846Z' })
  })

  it('an overlapping export adds only its new row; the same file again adds nothing', async () => {
    const t = setup()
    await t.imported(t.download('overlapping-exports', 'cursor-usage-2025-11-15.csv'))
    const later = t.download('overlapping-exports', 'cursor-usage-2025-11-20.csv')
    const second = await t.imported(later)
    const again = await t.imported(later)
    expect([second.usageRows, second.newEvents, second.alreadyImported, again.newEvents, again.alreadyImported]).toEqual([3, 1, false, 0, true])
    expect(t.cursorCard()?.month.requests).toBe(4)
  })

  it('refuses a file that is not a Cursor export with a message on the path field, and keeps nothing', async () => {
    const t = setup()
    const path = join(t.base, 'contacts.csv')
    writeFileSync(path, 'id,name\n1,ana\n')
    expect(await t.call('sources.importCursor', { path })).toEqual({
      ok: false,
      error: {
        code: 'invalid-params',
        message: expect.any(String),
        fields: [{ field: 'path', message: `${path} is not a Cursor usage export: missing columns "Date", "Model", "Input (w/ Cache Write)", "Input (w/o Cache Write)", "Cache Read", "Output Tokens"` }],
      },
    })
    expect(() => readdirSync(join(t.home, '.tokenledger', 'imports', 'cursor'))).toThrow(/ENOENT/)
  })

  it('refuses a missing file and a relative path', async () => {
    const t = setup()
    const missing = join(t.base, 'gone.csv')
    const a = await t.call('sources.importCursor', { path: missing })
    const b = await t.call('sources.importCursor', { path: 'Downloads/usage.csv' })
    expect([!a.ok && a.error.fields, !b.ok && b.error.fields]).toEqual([
      [{ field: 'path', message: `cannot read ${missing}: no such file` }],
      [{ field: 'path', message: 'must be an absolute path' }],
    ])
  })
})

describe('ledger.rebuild', () => {
  const line = (id: string, timestamp: string): string => claudeFifteenDollarLine(id, timestamp) + '\n'

  it('re-reads every file, finds nothing new, and keeps the events of a file that is gone', async () => {
    const t = setup()
    const project = join(t.home, '.claude', 'projects', '-work-app')
    mkdirSync(project, { recursive: true })
    writeFileSync(join(project, 'a.jsonl'), line('a', '2025-11-18T10:00:00.000Z') + line('b', '2025-11-19T10:00:00.000Z'))
    writeFileSync(join(project, 'b.jsonl'), line('c', '2025-11-19T11:00:00.000Z'))
    t.engine.ingest()
    expect(await t.call('ledger.rebuild', {})).toEqual({ ok: true, result: { files: 2, newEvents: 0, totalEvents: 3, errors: [] } })

    rmSync(join(project, 'b.jsonl'))
    expect(await t.call('ledger.rebuild', {})).toEqual({ ok: true, result: { files: 1, newEvents: 0, totalEvents: 3, errors: [] } })
    expect(t.engine.snapshot().month.costUsd).toBe(45)
  })

  it('counts events a rebuild finds that were never read before (a file the watcher missed)', async () => {
    const t = setup()
    const project = join(t.home, '.claude', 'projects', '-work-app')
    mkdirSync(project, { recursive: true })
    writeFileSync(join(project, 'a.jsonl'), line('a', '2025-11-18T10:00:00.000Z'))
    expect(await t.call('ledger.rebuild', {})).toEqual({ ok: true, result: { files: 1, newEvents: 1, totalEvents: 1, errors: [] } })
  })
})
