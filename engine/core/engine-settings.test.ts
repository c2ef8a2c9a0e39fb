import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { claudeFifteenDollarLine } from '../../e2e/harness/log-lines.ts'
import { Engine } from './engine.ts'
import { LiveEngine } from './live-engine.ts'
import { updateEngineSettings } from '../settings/update-engine-settings.ts'

// Monday 2026-11-23 12:00 UTC = 21:00 in Tokyo, 04:00 in Los Angeles.
const NOW = Date.UTC(2026, 10, 23, 12)

/** A Claude Code home with two requests: 1M output tokens of Sonnet 4.5 each = $15.00 each. */
function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-engine-settings-'))
  const project = join(dir, '.claude', 'projects', '-work-app')
  mkdirSync(project, { recursive: true })
  const request = (timestamp: string, id: string): string => claudeFifteenDollarLine(id, timestamp)
  // 2026-11-22 20:00 UTC: Sunday in UTC and Los Angeles, already Monday 05:00 in Tokyo.
  // 2026-11-23 10:00 UTC: Monday everywhere that matters here.
  writeFileSync(join(project, 's1.jsonl'), `${request('2026-11-22T20:00:00.000Z', 'a')}\n${request('2026-11-23T10:00:00.000Z', 'b')}\n`)
  return dir
}

function engineOn(dir: string, dbPath = ':memory:'): Engine {
  const engine = new Engine({ dbPath, discovery: { home: dir, env: {}, platform: 'linux' }, timezone: 'UTC', now: () => NOW, defaultSnapshotPath: join(dir, 'ui-snapshot.json') })
  engine.ingest()
  return engine
}

describe('settings applied by the engine', () => {
  it('a time zone change moves "today" at once, without re-reading anything', () => {
    const engine = engineOn(home())
    expect(engine.snapshot().today.costUsd).toBe(15)
    updateEngineSettings(engine, { display: { timezone: 'Asia/Tokyo' } })
    const tokyo = engine.snapshot()
    expect(tokyo.timezone).toBe('Asia/Tokyo')
    expect(tokyo.today.costUsd).toBe(30)
    updateEngineSettings(engine, { display: { timezone: null } })
    expect(engine.snapshot().timezone).toBe('UTC')
  })

  it('the week start decides whether Sunday’s request is in "this week"', () => {
    const engine = engineOn(home())
    expect(engine.snapshot().week.costUsd).toBe(15) // weeks start on Monday by default
    updateEngineSettings(engine, { display: { weekStartsOn: 0 } })
    expect(engine.snapshot().week.costUsd).toBe(30)
    expect(engine.snapshot().display?.weekStartsOn).toBe(0)
  })

  it('carries the display settings in the snapshot for the tray and popover', () => {
    const engine = engineOn(home())
    updateEngineSettings(engine, { display: { hideAmounts: true, currency: 'EUR', usdRate: 0.92, trayMetric: 'blended' } })
    expect(engine.snapshot().display).toEqual({ trayMetric: 'blended', weekStartsOn: 1, currency: 'EUR', usdRate: 0.92, hideAmounts: true, launchAtLogin: false })
  })

  it('settings survive a restart: a new engine on the same ledger starts with them', () => {
    const dir = home()
    const db = join(dir, 'ledger.sqlite')
    const first = engineOn(dir, db)
    updateEngineSettings(first, { display: { timezone: 'Asia/Tokyo' } })
    first.close()
    const second = engineOn(dir, db)
    expect(second.snapshot().timezone).toBe('Asia/Tokyo')
    second.close()
  })

  it('a disabled agent is no longer read, and its history stays', () => {
    const dir = home()
    const engine = engineOn(dir)
    updateEngineSettings(engine, { sources: { disabledProviders: ['claude'] } })
    const project = join(dir, '.claude', 'projects', '-work-app', 's1.jsonl')
    writeFileSync(project, readFileSync(project, 'utf8') + claudeFifteenDollarLine('c', '2026-11-23T11:00:00.000Z') + '\n')
    engine.ingest()
    expect(engine.snapshot().month.costUsd).toBe(30)
    updateEngineSettings(engine, { sources: { disabledProviders: [] } })
    engine.ingest()
    expect(engine.snapshot().month.costUsd).toBe(45)
  })

  it('a rebuild re-reads the locations that are on and leaves a turned-off agent’s counts alone', () => {
    const engine = engineOn(home())
    updateEngineSettings(engine, { sources: { disabledProviders: ['claude'] } })
    const summary = engine.rebuild()
    expect(summary.newEvents).toBe(0)
    const claude = engine.sources().filter((s) => s.provider === 'claude' && s.events > 0)
    expect(claude.map((s) => [s.enabled, s.files, s.events])).toEqual([[false, 1, 2]])
    expect(engine.snapshot().month.costUsd).toBe(30)
  })

  it('writes ui-snapshot.json where the settings say, and not at all when turned off', async () => {
    const dir = home()
    const engine = engineOn(dir)
    const errors: string[] = []
    const live = new LiveEngine(engine, { onSnapshot: () => {}, onError: (m) => errors.push(m) })
    live.publish()
    expect(JSON.parse(readFileSync(join(dir, 'ui-snapshot.json'), 'utf8')).month.costUsd).toBe(30)
    const custom = join(dir, 'elsewhere', 'status.json')
    mkdirSync(join(dir, 'elsewhere'))
    await live.applySettings(updateEngineSettings(engine, { display: { snapshotPath: custom } }))
    expect(JSON.parse(readFileSync(custom, 'utf8')).schemaVersion).toBe(1)
    const off = join(dir, 'off.json')
    await live.applySettings(updateEngineSettings(engine, { display: { writeSnapshotFile: false, snapshotPath: off } }))
    expect(existsSync(off)).toBe(false)
    // A path that cannot be written (its "folder" is a file) is reported, not thrown: the app's own views keep updating.
    await live.applySettings(updateEngineSettings(engine, { display: { writeSnapshotFile: true, snapshotPath: join(dir, 'ui-snapshot.json', 's.json') } }))
    expect(errors.join('\n')).toContain('could not write the snapshot file')
    await live.stop()
  })
})
