import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { claudeFifteenDollarLine } from '../../e2e/harness/log-lines.ts'
import { Engine } from './engine.ts'
import { fieldsOf } from './test-input-error.ts'
import { LiveEngine } from './live-engine.ts'
import { updateEngineSettings } from '../settings/update-engine-settings.ts'

/** Data sources as the engine applies them: turned-off agents and locations, custom folders. */

const NOW = Date.UTC(2026, 10, 23, 12)
const temps: string[] = []
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true })
})
const temp = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix))
  temps.push(d)
  return d
}

/** One $15.00 request (Sonnet 4.5, 1M output tokens) in its own session, as a log line. */
const request = (id: string, timestamp: string): string => claudeFifteenDollarLine(id, timestamp, `s-${id}`) + '\n'

/** A home with one Claude Code transcript of two requests ($30.00 this month). */
function setup() {
  const home = temp('tl-sources-home-')
  const log = join(home, '.claude', 'projects', '-work-app', 's1.jsonl')
  mkdirSync(join(log, '..'), { recursive: true })
  writeFileSync(log, request('a', '2026-11-22T20:00:00.000Z') + request('b', '2026-11-23T10:00:00.000Z'))
  const engine = new Engine({ dbPath: ':memory:', discovery: { home, env: {}, platform: 'linux' }, timezone: 'UTC', now: () => NOW })
  engine.ingest()
  const claudeRoot = join(home, '.claude', 'projects')
  const row = (root: string) => engine.sources().find((s) => s.root === root)
  const claudeMonth = () => engine.snapshot().providers.find((p) => p.provider === 'claude')?.month.costUsd ?? 0
  return { home, log, engine, claudeRoot, row, claudeMonth }
}

describe('Engine.sources with source settings', () => {
  it('a turned-off agent is listed as off, is not read, and its history stays in the reports', () => {
    const t = setup()
    updateEngineSettings(t.engine, { sources: { disabledProviders: ['claude'] } })
    appendFileSync(t.log, request('c', '2026-11-23T11:00:00.000Z'))
    t.engine.ingest()
    expect(t.row(t.claudeRoot)).toMatchObject({ provider: 'claude', exists: true, enabled: false, custom: false, files: 1, events: 2, lastEventAt: '2026-11-23T10:00:00.000Z' })
    expect([t.engine.snapshot().month.costUsd, t.claudeMonth()]).toEqual([30, 30])
    updateEngineSettings(t.engine, { sources: { disabledProviders: [] } })
    t.engine.ingest()
    expect(t.row(t.claudeRoot)).toMatchObject({ enabled: true, events: 3, lastEventAt: '2026-11-23T11:00:00.000Z' })
    expect(t.claudeMonth()).toBe(45)
  })

  it('a turned-off location is not read while the agent’s other locations are', () => {
    const t = setup()
    const other = join(t.home, '.config', 'claude', 'projects', '-x')
    mkdirSync(other, { recursive: true })
    writeFileSync(join(other, 's2.jsonl'), request('d', '2026-11-23T09:00:00.000Z'))
    updateEngineSettings(t.engine, { sources: { disabledRoots: [t.claudeRoot] } })
    appendFileSync(t.log, request('c', '2026-11-23T11:00:00.000Z'))
    t.engine.ingest()
    expect(t.row(t.claudeRoot)).toMatchObject({ enabled: false, events: 2 })
    expect(t.row(join(t.home, '.config', 'claude', 'projects'))).toMatchObject({ enabled: true, events: 1, files: 1 })
    expect(t.claudeMonth()).toBe(45)
  })

  it('counts skipped lines per reason for a location', () => {
    const t = setup()
    appendFileSync(t.log, '{"type":"assistant","message":{"usage": broken\n')
    t.engine.ingest()
    expect(t.row(t.claudeRoot)?.skipped).toEqual({ 'malformed-json': 1 })
  })

  it('reads a custom folder as its own account, and lists it as custom', () => {
    const t = setup()
    const copy = temp('tl-sources-custom-')
    writeFileSync(join(copy, 'laptop.jsonl'), request('e', '2026-11-23T08:00:00.000Z') + request('f', '2026-11-23T08:30:00.000Z'))
    updateEngineSettings(t.engine, { sources: { customFolders: [{ provider: 'claude', dir: copy }] } })
    t.engine.ingest()
    expect(t.row(copy)).toEqual({
      provider: 'claude',
      root: copy,
      exists: true,
      files: 1,
      events: 2,
      lastEventAt: '2026-11-23T08:30:00.000Z',
      skipped: {},
      errors: [],
      enabled: true,
      custom: true,
      account: copy,
    })
    expect(t.claudeMonth()).toBe(60)
    const accounts = t.engine.db.prepare<[], { account: string; n: number }>('SELECT account, count(*) AS n FROM events GROUP BY account').all()
    expect(Object.fromEntries(accounts.map((a) => [a.account, a.n]))).toEqual({ [join(t.home, '.claude')]: 2, [copy]: 2 })
  })

  it('the live engine starts watching a custom folder as soon as it is added', async () => {
    const t = setup()
    const copy = temp('tl-sources-live-')
    writeFileSync(join(copy, 'laptop.jsonl'), request('g', '2026-11-23T07:00:00.000Z'))
    const live = new LiveEngine(t.engine, { onSnapshot: () => {}, onError: (m) => { throw new Error(m) } })
    await live.start()
    await live.applySettings(updateEngineSettings(t.engine, { sources: { customFolders: [{ provider: 'claude', dir: copy }] } }))
    expect(t.claudeMonth()).toBe(45)
    await live.stop()
  })
})

describe('custom folders are checked against the disk', () => {
  it('rejects a folder that does not exist on its field, and stores nothing', () => {
    const t = setup()
    const missing = join(t.home, 'no-such-folder')
    expect(fieldsOf(() => updateEngineSettings(t.engine, { sources: { customFolders: [{ provider: 'claude', dir: missing }] } }))).toEqual([
      { field: 'sources.customFolders.0.dir', message: 'no such folder' },
    ])
    expect(t.engine.settings.sources.customFolders).toEqual([])
  })

  it('rejects a file, a folder added twice, and folders overlapping the agent’s own locations', () => {
    const t = setup()
    const ok = temp('tl-sources-ok-')
    const file = join(ok, 'notes.txt')
    writeFileSync(file, 'x')
    const issues = fieldsOf(() =>
      updateEngineSettings(t.engine, {
        sources: {
          customFolders: [
            { provider: 'claude', dir: ok },
            { provider: 'claude', dir: file },
            { provider: 'claude', dir: ok },
            { provider: 'claude', dir: join(t.claudeRoot, '-work-app') },
            { provider: 'claude', dir: t.home },
            // The same folder for another agent is fine (Cursor reads only its CSVs there).
            { provider: 'cursor', dir: ok },
          ],
        },
      }),
    )
    expect(issues).toEqual([
      { field: 'sources.customFolders.1.dir', message: 'this is a file, not a folder: choose the folder that holds the logs' },
      { field: 'sources.customFolders.2.dir', message: 'this folder is already added for Claude Code' },
      { field: 'sources.customFolders.3.dir', message: `already read: it is inside ${t.claudeRoot}` },
      { field: 'sources.customFolders.4.dir', message: `it contains ${t.claudeRoot}, which is already read: choose a folder outside it` },
    ])
  })

  it('a stored folder that has since gone away does not block other changes, and can be removed', () => {
    const t = setup()
    const gone = temp('tl-sources-gone-')
    updateEngineSettings(t.engine, { sources: { customFolders: [{ provider: 'claude', dir: gone }] } })
    rmSync(gone, { recursive: true })
    updateEngineSettings(t.engine, { sources: { disabledProviders: ['amp'], customFolders: [{ provider: 'claude', dir: gone }] } })
    expect(t.row(gone)).toMatchObject({ exists: false, custom: true, enabled: true })
    updateEngineSettings(t.engine, { sources: { customFolders: [] } })
    expect(t.row(gone)).toBeUndefined()
  })
})
