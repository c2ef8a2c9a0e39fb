import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { ReadOnlyDatabase, SourceFileRef } from '../../common/adapter-contract.ts'
import { readOpencodeDatabase } from './db-read.ts'
import { initialDbState, type OpencodeDbState } from './db-state.ts'
import { OpencodeTestDb, tok } from './test-db.ts'

const T0 = Date.UTC(2026, 10, 20, 9, 0, 0)

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'tl-oc-read-'))
  const path = join(dir, 'opencode.db')
  const w = new OpencodeTestDb(path)
  const file: SourceFileRef = { path, root: { dir, account: dir } }
  let state: OpencodeDbState = initialDbState()
  const read = () => {
    const ro = new Database(path, { readonly: true })
    const db: ReadOnlyDatabase = { all: (sql, ...params) => ro.prepare(sql).all(...params) as Record<string, unknown>[] }
    const result = readOpencodeDatabase(db, file, state)
    ro.close()
    state = result.state
    return result
  }
  return { w, read, path }
}

/** A user turn plus an assistant message whose row holds the LAST step's tokens and the SUM of step costs. */
function threeStepTurn(w: OpencodeTestDb) {
  const s = w.session(T0)
  const u = w.user(s, T0)
  const steps = [tok(3, 120, 0, 11_000, 1_500), tok(2, 80, 0, 12_500, 300), tok(4, 410, 0, 12_800, 0)]
  const m = w.assistant(s, u, { created: T0 + 1_000, completed: T0 + 30_000, cost: 0.0123 + 0.0061 + 0.0098, tokens: steps[2]! })
  steps.forEach((t, i) => {
    w.stepStart(m, s, T0 + 2_000 + i * 9_000)
    w.part(m, s, T0 + 3_000 + i * 9_000, { type: 'tool', callID: `c${i}`, tool: 'bash', state: { status: 'completed', input: {}, output: 'ok', title: 'ls', metadata: {}, time: { start: 1, end: 2 } } })
    w.stepFinish(m, s, T0 + 9_000 + i * 9_000, [0.0123, 0.0061, 0.0098][i]!, t)
  })
  w.setSessionTotals(s, 0.0282, 999_999, 999_999)
  return { s, m }
}

describe('readOpencodeDatabase', () => {
  it('counts one request per step-finish part, with that step’s tokens and cost, dated by its message', () => {
    const { w, read } = setup()
    threeStepTurn(w)
    const r = read()
    expect(r.events.map((e) => [e.tokens.input, e.tokens.output, e.tokens.cacheRead, e.tokens.cacheWrite5m, e.vendorCostUsd])).toEqual([
      [3, 120, 11_000, 1_500, 0.0123],
      [2, 80, 12_500, 300, 0.0061],
      [4, 410, 12_800, 0, 0.0098],
    ])
    expect(new Set(r.events.map((e) => new Date(e.eventTs).toISOString()))).toEqual(new Set(['2026-11-20T09:00:01.000Z']))
    expect(r.events[0]).toMatchObject({ provider: 'opencode', modelRaw: 'anthropic/claude-sonnet-4-5', project: '/home/dev/app', isSidechain: false })
  })

  it('reads only rows added since the last read, and nothing when nothing changed', () => {
    const { w, read } = setup()
    const { s, m } = threeStepTurn(w)
    read()
    expect(read().events).toEqual([])
    w.stepFinish(m, s, T0 + 60_000, 0.002, tok(1, 50, 0, 13_000, 0))
    expect(read().events.map((e) => e.tokens.output)).toEqual([50])
  })

  it('re-reads the table when the rows at its cursor were deleted and their rowids reused (a revert)', () => {
    const { w, read } = setup()
    const { s, m } = threeStepTurn(w)
    read()
    w.db.prepare('DELETE FROM part WHERE rowid > (SELECT max(rowid) - 3 FROM part)').run()
    w.stepFinish(m, s, T0 + 60_000, 0.001, tok(9, 99, 0, 0, 0))
    const outputs = read().events.map((e) => e.tokens.output)
    expect(outputs).toContain(99)
    expect(outputs.length).toBe(3) // steps 1-2 again (same keys, merged by the ledger) + the new one
  })

  it('gives identical steps of one message distinct keys (their ordinal)', () => {
    const { w, read } = setup()
    const s = w.session(T0)
    const m = w.assistant(s, w.user(s, T0), { created: T0 + 1, cost: 0.02, tokens: tok(5, 5) })
    w.stepFinish(m, s, T0 + 2, 0.01, tok(5, 5))
    w.stepFinish(m, s, T0 + 3, 0.01, tok(5, 5))
    expect(new Set(read().events.map((e) => e.dedupeKey)).size).toBe(2)
  })

  it('falls back to the message row only for a message without parts, as a weak copy', () => {
    const { w, read } = setup()
    const s = w.session(T0)
    w.assistant(s, w.user(s, T0), { created: T0 + 5, completed: T0 + 9, cost: 0.5, tokens: tok(100, 200, 0, 300, 400) })
    const r = read()
    expect(r.events.map((e) => ({ tokens: e.tokens, cost: e.vendorCostUsd, weak: e.isSidechain }))).toEqual([
      { tokens: { input: 100, output: 200, cacheRead: 300, cacheWrite5m: 400, cacheWrite1h: 0, reasoning: 0 }, cost: 0.5, weak: true },
    ])
  })

  it('skips zero-token steps, running and aborted messages, and counts a step that finished before an abort', () => {
    const { w, read } = setup()
    const s = w.session(T0)
    const u = w.user(s, T0)
    const aborted = { name: 'MessageAbortedError', data: { message: 'aborted' } }
    w.assistant(s, u, { created: T0 + 1, cost: 0, tokens: tok(0, 0), error: aborted })
    w.assistant(s, u, { created: T0 + 2, cost: 0, tokens: tok(0, 0) })
    const m = w.assistant(s, u, { created: T0 + 3, cost: 0.01, tokens: tok(7, 70), error: aborted })
    w.stepStart(m, s, T0 + 4)
    w.stepFinish(m, s, T0 + 5, 0.01, tok(7, 70))
    w.stepFinish(m, s, T0 + 6, 0, tok(0, 0))
    const r = read()
    expect(r.events.map((e) => e.tokens.output)).toEqual([70])
    expect(r.skips).toEqual({ aborted: 1, 'zero-tokens': 2 })
  })

  it('counts malformed rows as skips, never throws', () => {
    const { w, read } = setup()
    const s = w.session(T0)
    const m = w.assistant(s, w.user(s, T0), { created: T0 + 1, cost: 0.01, tokens: tok(1, 1) })
    w.part(m, s, T0 + 2, '{"type":"step-finish","tokens":{"inp') // torn JSON: not readable as a part at all
    w.part(m, s, T0 + 3, { type: 'step-finish', cost: 0.01, tokens: { input: '1', output: 2 } })
    w.part(m, s, T0 + 4, { type: 'step-finish', cost: 'x', tokens: tok(1, 2) })
    const bad = w.assistant(s, w.user(s, T0 + 5), { created: T0 + 6, cost: 0, tokens: tok(0, 0) })
    w.db.prepare("UPDATE message SET data = '{\"role\":\"assistant\",\"time\":{}}' WHERE id = ?").run(bad)
    w.stepFinish(bad, s, T0 + 7, 0.01, tok(1, 2))
    const r = read()
    expect(r.events.map((e) => [e.tokens.output, e.vendorCostUsd])).toEqual([[2, null]])
    expect(r.skips).toEqual({ 'bad-usage': 1, 'bad-timestamp': 1 })
  })

  it('reports a database without OpenCode’s tables as a skip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-oc-other-'))
    const path = join(dir, 'other.db')
    const other = new Database(path)
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    other.close()
    const ro = new Database(path, { readonly: true })
    const r = readOpencodeDatabase({ all: (sql, ...p) => ro.prepare(sql).all(...p) as Record<string, unknown>[] }, { path, root: { dir, account: dir } }, initialDbState())
    ro.close()
    expect([r.events.length, r.skips]).toEqual([0, { 'not-opencode-db': 1 }])
  })
})
