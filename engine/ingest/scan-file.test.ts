import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zstdCompressSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { LedgerWriter } from '../store/ledger-writer.ts'
import { openLedger } from '../store/open-ledger.ts'
import { runIngest } from './ingest-run.ts'
import { MAX_LINE_BYTES } from './scan-file.ts'
import { lineAdapter } from './test-adapter.ts'

const line = (id: string, out: number) => JSON.stringify({ id, ts: Date.UTC(2026, 10, 20, 12), out }) + '\n'

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'tl-scan-'))
  mkdirSync(join(home, 'logs'))
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const ctx: DiscoveryContext = { home, env: {}, platform: 'linux' }
  const ingest = () => runIngest(ledger, [lineAdapter], ctx)
  const totals = () => ledger.db.prepare('SELECT count(*) AS events, coalesce(sum(output), 0) AS output FROM events').get() as { events: number; output: number }
  const rollup = () => ledger.db.prepare('SELECT coalesce(sum(requests), 0) AS requests, coalesce(sum(output), 0) AS output FROM rollup_q15').get() as { requests: number; output: number }
  const checkpoint = (name: string) => ledger.checkpoints.get(join(home, 'logs', name))
  return { home, file: (name: string) => join(home, 'logs', name), ingest, totals, rollup, checkpoint }
}

describe('incremental scanning', () => {
  it('reads only the appended bytes on the next run and carries the cursor state', () => {
    const t = setup()
    writeFileSync(t.file('a.jsonl'), line('1', 10) + line('2', 20))
    expect(t.ingest().newEvents).toBe(2)
    appendFileSync(t.file('a.jsonl'), line('3', 30))
    const second = t.ingest()
    expect(second.bytesRead).toBe(line('3', 30).length)
    expect(second.newEvents).toBe(1)
    expect(t.totals()).toEqual({ events: 3, output: 60 })
    expect(t.checkpoint('a.jsonl')?.state).toEqual({ lines: 3 })
  })

  it('touches nothing on a warm run with no change', () => {
    const t = setup()
    writeFileSync(t.file('a.jsonl'), line('1', 10))
    t.ingest()
    expect(t.ingest()).toMatchObject({ changedFiles: 0, bytesRead: 0, newEvents: 0 })
  })

  it('leaves a half-written last line for later and counts it once complete', () => {
    const t = setup()
    const full = line('2', 20)
    writeFileSync(t.file('a.jsonl'), line('1', 10) + full.slice(0, 9))
    t.ingest()
    expect(t.totals()).toEqual({ events: 1, output: 10 })
    expect(t.checkpoint('a.jsonl')?.skipped).toEqual({})
    appendFileSync(t.file('a.jsonl'), full.slice(9))
    t.ingest()
    expect(t.totals()).toEqual({ events: 2, output: 30 })
    expect(t.checkpoint('a.jsonl')?.skipped).toEqual({})
  })

  it('re-reads a truncated or rewritten file without double counting', () => {
    const t = setup()
    writeFileSync(t.file('a.jsonl'), line('1', 10) + line('2', 20))
    t.ingest()
    truncateSync(t.file('a.jsonl'), 0)
    writeFileSync(t.file('a.jsonl'), line('1', 10))
    t.ingest()
    writeFileSync(t.file('a.jsonl'), line('1', 10) + line('2', 20) + line('4', 40))
    t.ingest()
    expect(t.totals()).toEqual({ events: 3, output: 70 })
    expect(t.rollup()).toEqual({ requests: 3, output: 70 })
  })

  it('re-reads a file whose already-read part was rewritten', () => {
    const t = setup()
    writeFileSync(t.file('a.jsonl'), line('1', 10) + line('2', 20))
    t.ingest()
    writeFileSync(t.file('a.jsonl'), line('1', 10) + line('5', 20) + line('6', 30))
    const s = t.ingest()
    expect(s.newEvents).toBe(2)
    expect(t.totals()).toEqual({ events: 4, output: 80 })
  })

  it('re-reads a replaced file (new inode)', () => {
    const t = setup()
    writeFileSync(t.file('a.jsonl'), line('1', 10))
    t.ingest()
    writeFileSync(t.file('tmp'), line('1', 10) + line('7', 70))
    renameSync(t.file('tmp'), t.file('a.jsonl'))
    t.ingest()
    expect(t.totals()).toEqual({ events: 2, output: 80 })
  })

  it('keeps events when their source file is deleted (lifetime history) and marks the file missing', () => {
    const t = setup()
    writeFileSync(t.file('a.jsonl'), line('1', 10))
    t.ingest()
    rmSync(t.file('a.jsonl'))
    t.ingest()
    expect(t.totals()).toEqual({ events: 1, output: 10 })
    expect(t.checkpoint('a.jsonl')?.missingSince).not.toBeNull()
  })

  it('counts malformed lines as skips and keeps reading', () => {
    const t = setup()
    writeFileSync(t.file('a.jsonl'), line('1', 10) + '{not json\n\n' + line('2', 20))
    t.ingest()
    expect(t.totals()).toEqual({ events: 2, output: 30 })
    expect(t.checkpoint('a.jsonl')?.skipped).toEqual({ malformed: 2 })
  })

  it('skips a line larger than the line limit without buffering it, and reads on', () => {
    const t = setup()
    const huge = '{"id":"big","ts":1,"out":1,"pad":"' + 'x'.repeat(MAX_LINE_BYTES + 10) + '"}\n'
    writeFileSync(t.file('a.jsonl'), line('1', 10) + huge + line('2', 20))
    t.ingest()
    expect(t.totals()).toEqual({ events: 2, output: 30 })
    expect(t.checkpoint('a.jsonl')?.skipped).toEqual({ 'line-too-large': 1 })
  })

  it('reads zstd-compressed files whole and re-reads them when they change', () => {
    const t = setup()
    writeFileSync(t.file('b.jsonl.zst'), zstdCompressSync(Buffer.from(line('1', 10) + line('2', 20))))
    t.ingest()
    expect(t.totals()).toEqual({ events: 2, output: 30 })
    writeFileSync(t.file('b.jsonl.zst'), zstdCompressSync(Buffer.from(line('1', 10) + line('2', 20) + line('3', 5))))
    t.ingest()
    expect(t.totals()).toEqual({ events: 3, output: 35 })
  })

  it('counts a corrupt compressed file as a skip instead of failing the scan', () => {
    const t = setup()
    writeFileSync(t.file('c.jsonl.zst'), 'definitely not zstd')
    writeFileSync(t.file('a.jsonl'), line('1', 10))
    const s = t.ingest()
    expect(s.errors).toEqual([])
    expect(t.totals()).toEqual({ events: 1, output: 10 })
    expect(t.checkpoint('c.jsonl.zst')?.skipped).toEqual({ 'bad-compressed-file': 1 })
  })
})
