/**
 * Amp through the REAL engine (discovery, whole-file scan, SQLite ledger with its global dedupe): a
 * thread rewritten whole, read again and again, must store each request once.
 */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { ampAdapter } from './index.ts'
import { assistant, ledgerEvent, THREAD_ID, thread, usage, user } from './test-thread.ts'

const DEFAULT_THREADS = join('.local', 'share', 'amp', 'threads')

/** A fake home; with `xdgDataHome` (relative to it) set as XDG_DATA_HOME, threads are written under it. */
function setup(xdgDataHome?: string) {
  const home = mkdtempSync(join(tmpdir(), 'tl-amp-'))
  const env = xdgDataHome === undefined ? {} : { XDG_DATA_HOME: join(home, xdgDataHome) }
  const threadsDir = xdgDataHome === undefined ? DEFAULT_THREADS : join(xdgDataHome, 'amp', 'threads')
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const ingest = () => runIngest(ledger, [ampAdapter], { home, env, platform: 'linux' })
  let tick = Date.parse('2026-11-20T12:00:00Z')
  /** Rewrites the thread whole, as Amp does, with a fresh mtime. */
  const write = (doc: unknown, dir = threadsDir, name = `${THREAD_ID}.json`): void => {
    mkdirSync(join(home, dir), { recursive: true })
    const path = join(home, dir, name)
    writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2))
    tick += 1000
    utimesSync(path, new Date(tick), new Date(tick))
  }
  const totals = () =>
    ledger.db.prepare('SELECT count(*) AS requests, sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead, sum(cache_write_5m) AS cacheWrite FROM events').get()
  return { ingest, write, totals }
}

const v1 = thread([user(0), assistant(1, usage(100, 10, 1000, 5000)), user(2), assistant(3, usage(40, 2, 0, 6000, { timestamp: '2026-11-20T09:05:00.000Z' }))])
const v2 = thread([
  user(0),
  assistant(1, usage(100, 10, 1000, 5000)),
  user(2),
  // Message 3 finished streaming: its output grew from 2 to 90.
  assistant(3, usage(40, 90, 0, 6000, { timestamp: '2026-11-20T09:05:00.000Z' })),
  user(4),
  assistant(5, usage(70, 30, 200, 6100, { timestamp: '2026-11-20T09:09:00.000Z' })),
])

function cleanRead(doc: unknown) {
  const t = setup()
  t.write(doc)
  t.ingest()
  return t.totals()
}

describe('a thread rewritten whole while it grows', () => {
  it('re-reading adds only the new messages (and the grown one keeps its final counts)', () => {
    const t = setup()
    t.write(v1)
    t.ingest()
    t.write(v2)
    t.ingest()
    expect(t.totals()).toEqual({ requests: 3, input: 210, output: 130, cacheRead: 17100, cacheWrite: 1200 })
  })

  it('equals one clean read of the final thread, and a further read adds nothing', () => {
    const t = setup()
    t.write(v1)
    t.ingest()
    t.write(v2)
    t.ingest()
    t.write(v2)
    expect([t.ingest().newEvents, t.totals()]).toEqual([0, cleanRead(v2)])
  })
})

describe('a thread written while being read', () => {
  it('a torn read then the full thread total the same as one clean read', () => {
    const text = JSON.stringify(v2, null, 2)
    const t = setup()
    t.write(text.slice(0, Math.floor(text.length * 0.7)))
    t.ingest()
    t.write(text)
    t.ingest()
    expect(t.totals()).toEqual(cleanRead(v2))
  })
})

describe('a thread rewritten from one usage schema to the other', () => {
  const messagesOnly = thread([user(0), assistant(1, usage(100, 10, 1000, 5000)), user(2), assistant(3, usage(200, 20, 0, 6000))])
  const withLedger = { ...messagesOnly, usageLedger: { events: [ledgerEvent('e1', 1, 100, 10), ledgerEvent('e2', 3, 200, 20)] } }

  it.each([
    ['messages first, then ledger + messages', messagesOnly, withLedger],
    ['ledger + messages first, then messages only', withLedger, messagesOnly],
  ])('%s: each request once, cache kept', (_, first, second) => {
    const t = setup()
    t.write(first)
    t.ingest()
    t.write(second)
    t.ingest()
    expect(t.totals()).toEqual({ requests: 2, input: 300, output: 30, cacheRead: 11000, cacheWrite: 1000 })
  })
})

describe('discovery through XDG_DATA_HOME', () => {
  it('reads $XDG_DATA_HOME/amp/threads and not the default', () => {
    const t = setup('xdg-data')
    t.write(v1)
    t.write(v2, DEFAULT_THREADS, 'T-default-location.json')
    t.ingest()
    expect(t.totals()).toEqual({ requests: 2, input: 140, output: 12, cacheRead: 11000, cacheWrite: 1000 })
  })
})
