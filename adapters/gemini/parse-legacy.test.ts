import { describe, expect, it } from 'vitest'
import { parseGeminiLegacyFile } from './parse-legacy.ts'
import { ACCOUNT, CHATS, fileRef, geminiRecord, metadata, parseAll, SESSION_ID, tokens } from './test-records.ts'

const G1 = 'ab000001-7777-4aaa-8bbb-000000000001'
const G2 = 'ab000001-7777-4aaa-8bbb-000000000002'
const legacyPath = `${CHATS}/session-2026-03-28T16-40-7d3f9a21.json`
const messages = [
  { id: 'aa000001-7777-4aaa-8bbb-000000000001', timestamp: '2025-11-18T08:45:10.000Z', type: 'user', content: 'placeholder prompt as a string' },
  geminiRecord(G1, '2025-11-18T08:45:24.300Z', tokens(4100, 380, 0, 512)),
  { id: 'aa000001-7777-4aaa-8bbb-000000000002', timestamp: '2026-03-02T14:05:50.000Z', type: 'user', content: [{ text: 'placeholder prompt as parts' }] },
  geminiRecord(G2, '2026-03-02T14:06:30.000Z', tokens(9800, 230, 8200, 45, 120)),
  geminiRecord('ab000001-7777-4aaa-8bbb-000000000003', '2026-03-02T14:07:00.000Z', null),
]
const record = { sessionId: SESSION_ID, projectHash: 'ab'.repeat(32), startTime: '2025-11-18T08:45:02.118Z', lastUpdated: '2026-03-02T14:07:00.000Z', messages }
const pretty = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value, null, 2))
const parse = (bytes: Uint8Array, path = legacyPath) => parseGeminiLegacyFile(bytes, fileRef(path))

describe('parseGeminiLegacyFile', () => {
  const r = parse(pretty(record))

  it('reads a pretty-printed record with string and array content', () => {
    expect(r.events.map((e) => [e.messageId, e.tokens.input, e.tokens.cacheRead, e.tokens.output, e.tokens.reasoning])).toEqual([
      [G1, 4100, 0, 892, 512],
      [G2, 1720, 8200, 275, 45],
    ])
  })

  it('stamps session, project, account and the message index as the offset', () => {
    expect(r.events.map((e) => [e.sessionId, e.project, e.account, e.sourceOffset, e.eventTs])).toEqual([
      [SESSION_ID, 'widget', ACCOUNT, 1, Date.parse('2025-11-18T08:45:24.300Z')],
      [SESSION_ID, 'widget', ACCOUNT, 3, Date.parse('2026-03-02T14:06:30.000Z')],
    ])
  })

  it('counts the reply without tokens as a skip', () => {
    expect(r.skips).toEqual({ 'no-tokens': 1 })
  })

  it('gives the same keys as the .jsonl a resume copies the messages into', () => {
    const resumed = parseAll([metadata(), ...messages.map((m) => JSON.stringify(m))], fileRef(`${legacyPath}l`))
    expect(resumed.events.map((e) => e.dedupeKey)).toEqual(r.events.map((e) => e.dedupeKey))
  })

  it('falls back to the file name when the record has no session id', () => {
    expect(parse(pretty({ ...record, sessionId: undefined })).events.map((e) => e.sessionId)).toEqual([
      'session-2026-03-28T16-40-7d3f9a21',
      'session-2026-03-28T16-40-7d3f9a21',
    ])
  })

  it.each([
    ['a file caught half-written', pretty(record).subarray(0, 700), 'malformed-json'],
    ['an empty file', new Uint8Array(0), 'malformed-json'],
    ['a record without messages', pretty({ sessionId: SESSION_ID }), 'unknown-shape'],
    ['an array', pretty([record]), 'unknown-shape'],
  ])('counts %s as one skip and emits nothing', (_, bytes, reason) => {
    const bad = parse(bytes)
    expect([bad.events, bad.skips]).toEqual([[], { [reason]: 1 }])
  })
})
