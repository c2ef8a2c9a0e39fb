/**
 * Files written while they are read, through the real engine: an append caught mid-line, a legacy file
 * caught mid-rewrite, a recording replaced by rename, a legacy session resumed into a `.jsonl`. Every
 * sequence of reads must end with the totals of one clean read of the final files: no crash, no double count.
 */
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runIngest } from '../../engine/ingest/ingest-run.ts'
import { LedgerWriter } from '../../engine/store/ledger-writer.ts'
import { openLedger } from '../../engine/store/open-ledger.ts'
import { geminiAdapter, geminiLegacyAdapter } from './index.ts'
import { geminiMessage, geminiRecord, metadata, SESSION_ID, tokens, touched, userMessage } from './test-records.ts'

const NAME = 'session-2026-05-04T09-12-7d3f9a21'
const ids = [1, 2, 3, 4].map((n) => `a7000001-1111-4aaa-8bbb-00000000000${n}`)
const at = (n: number) => `2026-05-04T09:1${n}:00.000Z`
const text = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join('')
const usage = (i: number) => tokens(5000 + i * 1000, 100 + i, 4000 + i * 900, 20 * i, 10)
const reply = (i: number, extra: Record<string, unknown> = {}) => geminiMessage(ids[i]!, at(i), usage(i), extra)

/** A recording where every reply is first written without tokens, then with them, then with a tool call. */
const recording = text([
  metadata(),
  ...ids.flatMap((id, i) => [
    userMessage(`b8000001-2222-4ccc-8ddd-00000000000${i}`, at(i)),
    touched(at(i)),
    geminiMessage(id, at(i), null),
    reply(i),
    reply(i, { toolCalls: [{ id: `call-${i}`, name: 'read_file', status: 'success' }] }),
    JSON.stringify({ $set: { lastUpdated: at(i), messages: [geminiRecord(id, at(i), usage(i))] } }),
  ]),
])

const legacyRecord = (n: number) =>
  JSON.stringify({ sessionId: SESSION_ID, projectHash: 'ab'.repeat(32), startTime: at(0), lastUpdated: at(n), messages: ids.slice(0, n).map((id, i) => geminiRecord(id, at(i), usage(i))) }, null, 2)

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'tl-gemini-'))
  const chats = join(home, '.gemini', 'tmp', 'widget', 'chats')
  mkdirSync(chats, { recursive: true })
  const ledger = new LedgerWriter(openLedger(':memory:'))
  const ingest = () => runIngest(ledger, [geminiAdapter, geminiLegacyAdapter], { home, env: {}, platform: 'linux' }, { now: () => 0 })
  const totals = () => ledger.db.prepare('SELECT count(*) AS requests, sum(input) AS input, sum(output) AS output, sum(cache_read) AS cacheRead FROM events').get()
  return { chats, ingest, totals }
}

/** Totals of one clean read of the given final files. */
function cleanTotals(files: Record<string, string>) {
  const t = setup()
  for (const [name, content] of Object.entries(files)) writeFileSync(join(t.chats, name), content)
  t.ingest()
  return t.totals()
}

describe('a recording appended while it is read', () => {
  const clean = cleanTotals({ [`${NAME}.jsonl`]: recording })

  it('has four requests in one clean read', () => {
    expect(clean).toEqual({ requests: 4, input: 1000 + 1100 + 1200 + 1300 + 40, output: 406 + 120, cacheRead: 4000 + 4900 + 5800 + 6700 })
  })

  // Cut points inside the metadata line, inside a tokens object, at a line end, inside a checkpoint.
  const cuts = [40, recording.indexOf('"tokens":{') + 12, recording.indexOf('\n', 1200) + 1, recording.indexOf('"messages"') + 30, recording.length - 5]

  it.each(cuts)('gives the clean totals when first read with only %i bytes written', (cut) => {
    const t = setup()
    const path = join(t.chats, `${NAME}.jsonl`)
    writeFileSync(path, recording.slice(0, cut))
    t.ingest()
    appendFileSync(path, recording.slice(cut))
    t.ingest()
    expect(t.totals()).toEqual(clean)
  })

  it('gives the clean totals when read after every single line is appended', () => {
    const t = setup()
    const path = join(t.chats, `${NAME}.jsonl`)
    writeFileSync(path, '')
    for (const line of recording.split(/(?<=\n)/)) {
      appendFileSync(path, line)
      t.ingest()
    }
    expect(t.totals()).toEqual(clean)
  })

  it('gives the clean totals when the file is replaced by a rewrite (tmp file + rename)', () => {
    const t = setup()
    const path = join(t.chats, `${NAME}.jsonl`)
    writeFileSync(path, recording.slice(0, recording.length / 2))
    t.ingest()
    writeFileSync(`${path}.tmp-4242`, recording)
    t.ingest()
    renameSync(`${path}.tmp-4242`, path)
    t.ingest()
    expect(t.totals()).toEqual(clean)
  })
})

describe('a legacy recording rewritten while it is read', () => {
  const clean = cleanTotals({ [`${NAME}.json`]: legacyRecord(4) })

  it('counts a half-written rewrite as nothing and recovers when it is complete', () => {
    const t = setup()
    const path = join(t.chats, `${NAME}.json`)
    writeFileSync(path, legacyRecord(2))
    t.ingest()
    writeFileSync(path, legacyRecord(3).slice(0, 900))
    t.ingest()
    writeFileSync(path, legacyRecord(4))
    t.ingest()
    expect(t.totals()).toEqual(clean)
  })

  it('counts a legacy session once when it is resumed into a .jsonl beside it', () => {
    const t = setup()
    writeFileSync(join(t.chats, `${NAME}.json`), legacyRecord(2))
    t.ingest()
    // The resume copies the legacy messages, then appends the new turns.
    writeFileSync(join(t.chats, `${NAME}.jsonl`), text([metadata(), reply(0), reply(1)]))
    t.ingest()
    appendFileSync(join(t.chats, `${NAME}.jsonl`), text([reply(2), reply(3)]))
    t.ingest()
    expect(t.totals()).toEqual(clean)
  })
})
