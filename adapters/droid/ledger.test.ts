/**
 * Droid through the REAL engine (discovery, whole-file scan, SQLite ledger with running-total baselines):
 * what a user sees when a session's total changes between reads.
 */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { droidAdapter } from './index.ts'
import { SESSION_ID, settings, usage } from './test-settings.ts'

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'tl-droid-'))
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const ingest = () => runIngest(ledger, [droidAdapter], { home, env: {}, platform: 'linux' })
  /** Writes a session file as Droid does (rewritten whole) and stamps its mtime. */
  const write = (folder: string, text: string, mtimeIso: string): void => {
    const dir = join(home, '.factory', 'sessions', folder)
    mkdirSync(dir, { recursive: true })
    const path = join(dir, `${SESSION_ID}.settings.json`)
    writeFileSync(path, text)
    const t = new Date(mtimeIso)
    utimesSync(path, t, t)
  }
  const events = () =>
    (ledger.db.prepare('SELECT event_ts, input, output, cache_read AS cacheRead FROM events ORDER BY event_ts').all() as Array<{ event_ts: number; input: number; output: number; cacheRead: number }>).map(
      ({ event_ts, ...tokens }) => ({ day: new Date(event_ts).toISOString().slice(0, 10), ...tokens }),
    )
  const totals = () => ledger.db.prepare('SELECT count(*) AS events, sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead FROM events').get()
  return { ingest, write, events, totals }
}

describe('a session total that grows between reads', () => {
  it('1000 → 1500 → 1500 becomes two events, 1000 and 500, each on the day it was written', () => {
    const t = setup()
    t.write('-home-dev-shop', settings(usage(800, 200, 0, 0, 0)), '2026-11-18T15:00:00Z')
    t.ingest()
    t.write('-home-dev-shop', settings(usage(1200, 300, 0, 0, 0)), '2026-11-19T15:00:00Z')
    t.ingest()
    t.write('-home-dev-shop', settings(usage(1200, 300, 0, 0, 0), { assistantActiveTimeMs: 999999 }), '2026-11-20T15:00:00Z')
    t.ingest()
    expect(t.events()).toEqual([
      { day: '2026-11-18', input: 800, output: 200, cacheRead: 0 },
      { day: '2026-11-19', input: 400, output: 100, cacheRead: 0 },
    ])
  })

  it('adds nothing when the same files are read again', () => {
    const t = setup()
    t.write('-home-dev-shop', settings(usage(800, 200, 0, 5000, 0)), '2026-11-18T15:00:00Z')
    t.ingest()
    expect(t.ingest().newEvents).toBe(0)
  })
})

describe('the same session id in two folders (a moved project)', () => {
  // The stale copy sorts first (`-home-dev-api` < `-home-dev-shop`) in one case and last in the other.
  it.each([
    ['stale copy read first', '-home-dev-api', '-home-dev-shop'],
    ['newest copy read first', '-home-dev-zoo', '-home-dev-shop'],
  ])('%s: totals are the newest copy, never the sum', (_, staleFolder, newFolder) => {
    const t = setup()
    t.write(staleFolder, settings(usage(1000, 100, 0, 20000, 0)), '2026-11-10T09:00:00Z')
    t.write(newFolder, settings(usage(1500, 400, 0, 50000, 0)), '2026-11-19T09:00:00Z')
    t.ingest()
    t.ingest()
    expect(t.totals()).toMatchObject({ input: 1500, output: 400, cacheRead: 50000 })
  })
})

describe('a settings file written while being read', () => {
  it('a torn read then the full file total the same as one clean read', () => {
    const full = settings(usage(12000, 3400, 5000, 80000, 600))
    const torn = setup()
    torn.write('-home-dev-shop', full.slice(0, 97), '2026-11-20T10:00:00Z')
    torn.ingest()
    torn.write('-home-dev-shop', full, '2026-11-20T10:00:01Z')
    torn.ingest()
    const clean = setup()
    clean.write('-home-dev-shop', full, '2026-11-20T10:00:01Z')
    clean.ingest()
    expect(torn.totals()).toEqual(clean.totals())
  })

  it('a file truncated to nothing mid-rewrite is a skip, and the earlier total stays', () => {
    const t = setup()
    t.write('-home-dev-shop', settings(usage(800, 200, 0, 0, 0)), '2026-11-18T15:00:00Z')
    t.ingest()
    t.write('-home-dev-shop', '', '2026-11-18T15:00:01Z')
    const summary = t.ingest()
    expect([summary.errors, t.totals()]).toEqual([[], { events: 1, input: 800, output: 200, cacheRead: 0 }])
  })
})
