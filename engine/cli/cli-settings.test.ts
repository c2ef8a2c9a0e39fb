import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DailyReport } from '../../common/reports.ts'
import type { WeeklyReport } from '../reports/calendar-reports.ts'
import { Engine } from '../core/engine.ts'
import { updateEngineSettings } from '../settings/update-engine-settings.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const HOME = join(ROOT, 'fixtures/claude/basic/home')
const dir = mkdtempSync(join(tmpdir(), 'tokenledger-cli-settings-'))
const DB = join(dir, 'ledger.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The CLI shares the app's ledger, and so its Preferences: set a zone and a Sunday week start there. */
beforeAll(() => {
  const engine = new Engine({ dbPath: DB, discovery: { home: HOME, env: {}, platform: 'linux' }, timezone: 'UTC' })
  updateEngineSettings(engine, { display: { timezone: 'Asia/Tokyo', weekStartsOn: 0 } })
  engine.close()
})

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['engine/cli/main.ts', ...args, '--home', HOME, '--db', DB, '--json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TOKENLEDGER_DB: '', TOKENLEDGER_HOME: '' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('the CLI and the app’s display preferences', () => {
  it('reports in the Preferences time zone when no --tz is given', () => {
    const r = cli('daily')
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as DailyReport).timezone).toBe('Asia/Tokyo')
  })

  it('lets --tz win for one run without changing the stored preference', () => {
    expect((JSON.parse(cli('daily', '--tz', 'UTC').stdout) as DailyReport).timezone).toBe('UTC')
    expect((JSON.parse(cli('daily').stdout) as DailyReport).timezone).toBe('Asia/Tokyo')
  })

  it('starts weeks on the Preferences week start', () => {
    const weekly = JSON.parse(cli('weekly').stdout) as WeeklyReport
    expect(weekly.weekStartsOn).toBe(0)
    // Every week key is a Sunday.
    for (const w of weekly.weeks) expect(new Date(`${w.week}T00:00:00Z`).getUTCDay()).toBe(0)
    expect(weekly.weeks.length).toBeGreaterThan(0)
  })
})
