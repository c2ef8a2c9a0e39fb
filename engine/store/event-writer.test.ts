import { describe, expect, it } from 'vitest'
import { openLedger } from './open-ledger.ts'
import { EventWriter } from './event-writer.ts'
import { testEvent } from './test-events.ts'

function setup() {
  const db = openLedger(':memory:')
  const writer = new EventWriter(db)
  const write = (...events: ReturnType<typeof testEvent>[]) => db.transaction(() => writer.write(events, 0))()
  const totals = () =>
    db.prepare('SELECT count(*) AS events, sum(output) AS output, sum(cache_read) AS cacheRead FROM events').get() as { events: number; output: number; cacheRead: number }
  const rollupTotals = () =>
    db.prepare('SELECT sum(requests) AS requests, sum(output) AS output, sum(cache_read) AS cacheRead FROM rollup_q15').get() as { requests: number; output: number; cacheRead: number }
  const sessionTotals = () =>
    db.prepare('SELECT sum(requests) AS requests, sum(output) AS output FROM session_rollup').get() as { requests: number; output: number }
  return { db, write, totals, rollupTotals, sessionTotals }
}

describe('EventWriter dedupe', () => {
  it('keeps one event per dedupe key with the per-field maximum of streamed copies (same batch)', () => {
    const { write, totals, rollupTotals } = setup()
    const stats = write(testEvent({ tokens: { output: 8 } }), testEvent({ tokens: { output: 412 } }), testEvent({ tokens: { output: 412 } }))
    expect(stats).toEqual({ inserted: 1, merged: 0, replaysDropped: 0 })
    expect(totals()).toEqual({ events: 1, output: 412, cacheRead: 1000 })
    expect(rollupTotals()).toEqual({ requests: 1, output: 412, cacheRead: 1000 })
  })

  it('merges a later, more complete copy from another batch and moves the rollups by the difference', () => {
    const { write, totals, rollupTotals, sessionTotals } = setup()
    write(testEvent({ tokens: { output: 8 } }))
    const stats = write(testEvent({ tokens: { output: 412 }, sourcePath: '/other/file.jsonl' }))
    expect(stats.merged).toBe(1)
    expect(totals()).toEqual({ events: 1, output: 412, cacheRead: 1000 })
    expect(rollupTotals()).toEqual({ requests: 1, output: 412, cacheRead: 1000 })
    expect(sessionTotals()).toEqual({ requests: 1, output: 412 })
  })

  it('re-reading the same events changes nothing', () => {
    const { write, totals, rollupTotals } = setup()
    const batch = [testEvent(), testEvent({ dedupeKey: 'claude:msg_2:req_2', messageId: 'msg_2', requestId: 'req_2' })]
    write(...batch)
    write(...batch)
    expect(totals()).toEqual({ events: 2, output: 200, cacheRead: 2000 })
    expect(rollupTotals()).toEqual({ requests: 2, output: 200, cacheRead: 2000 })
  })

  it('drops a sidechain replay of a stored message (replay arrives second)', () => {
    const { write, totals } = setup()
    write(testEvent())
    const stats = write(testEvent({ dedupeKey: 'claude:msg_1:req_9', requestId: 'req_9', isSidechain: true }))
    expect(stats.replaysDropped).toBe(1)
    expect(totals()).toEqual({ events: 1, output: 100, cacheRead: 1000 })
  })

  it('drops a sidechain replay of a stored message (replay arrives first)', () => {
    const { write, totals, rollupTotals, sessionTotals } = setup()
    write(testEvent({ dedupeKey: 'claude:msg_1:req_9', requestId: 'req_9', isSidechain: true, tokens: { output: 50 } }))
    const stats = write(testEvent())
    expect(stats).toEqual({ inserted: 1, merged: 0, replaysDropped: 1 })
    expect(totals()).toEqual({ events: 1, output: 100, cacheRead: 1000 })
    expect(rollupTotals()).toEqual({ requests: 1, output: 100, cacheRead: 1000 })
    expect(sessionTotals()).toEqual({ requests: 1, output: 100 })
  })

  it('keeps sidechain responses that have their own message ids', () => {
    const { write, totals } = setup()
    write(testEvent(), testEvent({ dedupeKey: 'claude:msg_7:req_7', messageId: 'msg_7', requestId: 'req_7', isSidechain: true }))
    expect(totals().events).toBe(2)
  })

  it('moves a merged request into the right prompt-size bucket', () => {
    const { db, write } = setup()
    write(testEvent({ tokens: { cacheRead: 150_000 } }))
    write(testEvent({ tokens: { cacheRead: 250_000 } }))
    const rows = db.prepare('SELECT ctx_bucket, requests, cache_read FROM rollup_q15').all()
    expect(rows).toEqual([{ ctx_bucket: 3, requests: 1, cache_read: 250_000 }])
  })
})

describe('openLedger', () => {
  it('refuses a ledger written by a newer TokenLedger', () => {
    const dir = `/tmp/tl-test-${process.pid}-${Date.now()}`
    const path = `${dir}/ledger.sqlite`
    const db = openLedger(path)
    db.pragma('user_version = 999')
    db.close()
    expect(() => openLedger(path)).toThrow(/newer TokenLedger \(schema 999/)
  })

  it('reports a file that is not a database as damaged, with the way out', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs')
    const dir = `/tmp/tl-test-corrupt-${process.pid}-${Date.now()}`
    mkdirSync(dir, { recursive: true })
    writeFileSync(`${dir}/ledger.sqlite`, 'this is not sqlite at all, just text that is long enough to have a header……')
    expect(() => openLedger(`${dir}/ledger.sqlite`)).toThrow(/damaged .*tokenledger rebuild/)
  })
})

describe('EventWriter ownership', () => {
  it('gives a request to its earliest copy, whichever file is read first', () => {
    const { db, write } = setup()
    const original = testEvent({ provider: 'codex', sessionId: 'parent', eventTs: Date.UTC(2026, 10, 20, 9), sourcePath: '/p.jsonl' })
    const replay = testEvent({ provider: 'codex', sessionId: 'fork', eventTs: Date.UTC(2026, 10, 20, 13), sourcePath: '/f.jsonl' })
    write(replay)
    write(original)
    expect(db.prepare('SELECT session_id, event_ts, source_path FROM events').all()).toEqual([
      { session_id: 'parent', event_ts: Date.UTC(2026, 10, 20, 9), source_path: '/p.jsonl' },
    ])
    expect(db.prepare('SELECT session_id, requests FROM session_rollup').all()).toEqual([{ session_id: 'parent', requests: 1 }])
    expect(db.prepare('SELECT q15, requests FROM rollup_q15').all()).toEqual([{ q15: Date.UTC(2026, 10, 20, 9) / 900_000, requests: 1 }])
  })
})

describe('EventWriter running totals (cumulativeKey)', () => {
  const total = (ts: number, output: number, input = 100) =>
    testEvent({ provider: 'droid', cumulativeKey: 'droid:s1', dedupeKey: 'ignored', messageId: null, requestId: null, eventTs: ts, tokens: { input, output, cacheRead: 0, cacheWrite1h: 0 } })

  it('records each increase of a running total on the day it was seen', () => {
    const { db, write } = setup()
    write(total(Date.UTC(2026, 10, 20, 9), 1000))
    write(total(Date.UTC(2026, 10, 21, 9), 1500, 160))
    const rows = db.prepare('SELECT event_ts, input, output FROM events ORDER BY event_ts').all()
    expect(rows).toEqual([
      { event_ts: Date.UTC(2026, 10, 20, 9), input: 100, output: 1000 },
      { event_ts: Date.UTC(2026, 10, 21, 9), input: 60, output: 500 },
    ])
  })

  it('adds nothing when the same total is read again, or an older copy of the session appears', () => {
    const { write, totals } = setup()
    write(total(Date.UTC(2026, 10, 20, 9), 1000))
    write(total(Date.UTC(2026, 10, 20, 9), 1000))
    write(total(Date.UTC(2026, 10, 19, 9), 400))
    expect(totals()).toEqual({ events: 1, output: 1000, cacheRead: 0 })
  })
})
