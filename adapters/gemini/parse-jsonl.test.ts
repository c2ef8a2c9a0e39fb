import { describe, expect, it } from 'vitest'
import { parseGeminiLines } from './parse-jsonl.ts'
import { initialGeminiJsonlState } from './state.ts'
import {
  ACCOUNT,
  bytesOf,
  CHATS,
  fileRef,
  geminiMessage,
  geminiRecord,
  metadata,
  parseAll,
  SESSION_ID,
  SUBAGENT_ID,
  tokens,
  touched,
  userMessage,
} from './test-records.ts'

const G1 = 'a7000001-1111-4aaa-8bbb-000000000001'
const G2 = 'a7000001-1111-4aaa-8bbb-000000000002'
const U1 = 'b8000001-2222-4ccc-8ddd-000000000001'
const TS = '2026-05-04T09:12:52.804Z'

describe('token mapping', () => {
  const r = parseAll([metadata(), userMessage(U1, '2026-05-04T09:12:40.100Z'), touched('2026-05-04T09:12:40.101Z'), geminiMessage(G1, TS, tokens(9650, 145, 7800, 96, 12))])

  it('takes cached out of input, adds tool prompt to input and thoughts to output', () => {
    expect(r.events.map((e) => e.tokens)).toEqual([{ input: 1862, cacheRead: 7800, cacheWrite5m: 0, cacheWrite1h: 0, output: 241, reasoning: 96 }])
  })

  it('stamps the event with the message time, model, session, project, account and ids', () => {
    expect(r.events.map((e) => [e.eventTs, e.modelRaw, e.sessionId, e.project, e.account, e.provider, e.messageId, e.dedupeKey])).toEqual([
      [Date.parse(TS), 'gemini-2.5-pro', SESSION_ID, 'widget', ACCOUNT, 'gemini', G1, `gemini:${SESSION_ID}:${G1}`],
    ])
  })

  it('keeps the session id in the cursor', () => {
    expect(r.state).toEqual({ sessionId: SESSION_ID })
  })

  it('labels a message without a model as unknown', () => {
    const noModel = parseAll([metadata(), JSON.stringify({ ...geminiRecord(G1, TS, tokens(10, 2)), model: undefined })])
    expect(noModel.events.map((e) => e.modelRaw)).toEqual(['unknown'])
  })
})

describe('a message written several times', () => {
  const t1 = tokens(15200, 88, 11000, 210)
  const r = parseAll([
    metadata(),
    geminiMessage(G1, TS, null),
    touched('2026-05-04T09:12:52.805Z'),
    geminiMessage(G1, TS, t1),
    geminiMessage(G1, TS, t1, { toolCalls: [{ id: 'call-1', name: 'read_file', status: 'executing' }] }),
    geminiMessage(G1, TS, t1, { toolCalls: [{ id: 'call-1', name: 'read_file', status: 'success' }] }),
  ])

  it('counts it once, from the copy with tokens', () => {
    expect(r.events.map((e) => [e.messageId, e.tokens.input, e.tokens.output])).toEqual([[G1, 4200, 298]])
  })

  it('counts the null copy and the repeats as skips', () => {
    expect(r.skips).toEqual({ 'no-tokens': 1, repeated: 2 })
  })

  it('merges a copy with different counts by per-field maximum and says so', () => {
    const changed = parseAll([metadata(), geminiMessage(G1, TS, tokens(1000, 50, 0, 10)), geminiMessage(G1, '2026-05-04T09:13:10.000Z', tokens(900, 80, 0, 5))])
    expect([changed.events.map((e) => [e.eventTs, e.tokens.input, e.tokens.output, e.tokens.reasoning]), changed.skips]).toEqual([
      [[Date.parse(TS), 1000, 85, 10]],
      { 'tokens-changed': 1 },
    ])
  })
})

describe('$set checkpoints', () => {
  const a1 = geminiRecord(G1, TS, tokens(6400, 120))
  const a2 = geminiRecord(G2, '2026-05-04T09:14:10.912Z', tokens(7300, 240, 6100, 150))
  const checkpoint = JSON.stringify({ $set: { messages: [{ id: U1, timestamp: TS, type: 'user', content: [{ text: 'masked' }] }, a1, a2], lastUpdated: '2026-05-04T09:15:00.000Z' } })

  it('count each message once when a checkpoint repeats it', () => {
    const r = parseAll([metadata(), JSON.stringify(a1), JSON.stringify(a2), checkpoint])
    expect([r.events.map((e) => e.messageId), r.skips]).toEqual([[G1, G2], { repeated: 2 }])
  })

  it('reads a message found only in a checkpoint', () => {
    const r = parseAll([metadata(), JSON.stringify(a1), checkpoint])
    expect(r.events.map((e) => [e.messageId, e.tokens.input])).toEqual([
      [G1, 6400],
      [G2, 1200],
    ])
  })

  it('still counts a message a later checkpoint leaves out (a rolled-back turn was billed)', () => {
    const rolledBack = JSON.stringify({ $set: { messages: [a1], lastUpdated: '2026-05-04T09:16:00.000Z' } })
    expect(parseAll([metadata(), JSON.stringify(a1), JSON.stringify(a2), rolledBack]).events.map((e) => e.messageId)).toEqual([G1, G2])
  })

  it('takes the session id from a sessionId patch when the metadata line is missing', () => {
    const r = parseAll([JSON.stringify({ $set: { sessionId: SESSION_ID } }), JSON.stringify(a1)])
    expect(r.events.map((e) => e.sessionId)).toEqual([SESSION_ID])
  })

  it('never lets a sessionId patch replace the metadata line', () => {
    const r = parseAll([metadata(), JSON.stringify({ $set: { sessionId: 'other' } }), JSON.stringify(a1)])
    expect(r.events.map((e) => e.sessionId)).toEqual([SESSION_ID])
  })
})

describe('$rewindTo', () => {
  it('is not applied: rewound replies were billed', () => {
    const r = parseAll([
      metadata(),
      userMessage(U1, TS),
      geminiMessage(G1, TS, tokens(5000, 200)),
      JSON.stringify({ $rewindTo: U1 }),
      geminiMessage(G2, '2026-05-04T09:14:10.912Z', tokens(5700, 310, 4800)),
    ])
    expect([r.events.map((e) => e.messageId), r.skips]).toEqual([[G1, G2], {}])
  })
})

describe('session identity', () => {
  it('gives a sub-agent recording its own session id from its metadata line', () => {
    const path = `${CHATS}/${SESSION_ID}/${SUBAGENT_ID}.jsonl`
    const r = parseAll([metadata(SUBAGENT_ID, { kind: 'subagent', directories: ['/home/dev/widget'] }), geminiMessage(G1, TS, tokens(10, 2))], fileRef(path))
    expect(r.events.map((e) => [e.sessionId, e.dedupeKey, e.project])).toEqual([[SUBAGENT_ID, `gemini:${SUBAGENT_ID}:${G1}`, 'widget']])
  })

  it('falls back to the file name when there is no metadata at all', () => {
    const r = parseAll([geminiMessage(G1, TS, tokens(10, 2))])
    expect(r.events.map((e) => e.sessionId)).toEqual(['session-2026-05-04T09-12-7d3f9a21'])
  })

  it('keeps the first metadata line', () => {
    const r = parseAll([metadata(), metadata('other'), geminiMessage(G1, TS, tokens(10, 2))])
    expect(r.events.map((e) => e.sessionId)).toEqual([SESSION_ID])
  })
})

describe('offsets and incremental reads', () => {
  const lines = [
    metadata(),
    userMessage(U1, TS),
    touched(TS),
    geminiMessage(G1, TS, tokens(9000, 100, 0, 20)),
    touched(TS),
    geminiMessage(G2, '2026-05-04T09:14:10.912Z', tokens(9500, 80, 8800)),
  ]
  const bytes = bytesOf(lines)
  const file = fileRef()
  const whole = parseGeminiLines(bytes, 0, file, initialGeminiJsonlState())
  const lineStart = (i: number): number => bytesOf(lines.slice(0, i)).length

  it('reports each event at its line start plus the base offset', () => {
    expect(parseGeminiLines(bytes, 1000, file, initialGeminiJsonlState()).events.map((e) => e.sourceOffset)).toEqual([1000 + lineStart(3), 1000 + lineStart(5)])
  })

  it('resumes from the returned state exactly as one read would (the session id is carried)', () => {
    const cut = lineStart(4)
    const first = parseGeminiLines(bytes.subarray(0, cut), 0, file, initialGeminiJsonlState())
    const second = parseGeminiLines(bytes.subarray(cut), cut, file, first.state)
    expect([...first.events, ...second.events]).toEqual(whole.events)
  })

  it('does not mutate the state it was given', () => {
    const state = initialGeminiJsonlState()
    parseGeminiLines(bytes, 0, file, state)
    expect(state).toEqual(initialGeminiJsonlState())
  })

  it('reads a last line that has no newline', () => {
    const text = new TextEncoder().encode([metadata(), geminiMessage(G1, TS, tokens(10, 2))].join('\n'))
    expect(parseGeminiLines(text, 0, file, initialGeminiJsonlState()).events.length).toBe(1)
  })
})

describe('bad input', () => {
  const good = geminiMessage(G2, '2026-05-04T09:14:10.912Z', tokens(900, 50))

  it.each([
    ['broken JSON', '{"id":"x","type":"gemini","tokens":{"input":', 'malformed-json'],
    ['a non-object line', '["tokens"]', 'unknown-shape'],
    ['tokens that are a string', geminiMessage(G1, TS, null).replace('"tokens":null', '"tokens":"many"'), 'bad-tokens'],
    ['a negative count', geminiMessage(G1, TS, { ...tokens(10, 2), output: -2 }), 'bad-tokens'],
    ['a string count', geminiMessage(G1, TS, null).replace('"tokens":null', '"tokens":{"input":"10"}'), 'bad-tokens'],
    ['a bad timestamp', geminiMessage(G1, 'yesterday', tokens(10, 2)), 'bad-timestamp'],
    ['a message without id', JSON.stringify({ ...geminiRecord(G1, TS, tokens(10, 2)), id: '' }), 'no-message-id'],
    ['zero tokens', geminiMessage(G1, TS, tokens(0, 0)), 'zero-tokens'],
    ['a checkpoint entry that is not an object', JSON.stringify({ $set: { messages: ['tokens'] } }), 'unknown-shape'],
    ['an object of unknown shape', '{"tokensUsed":1,"sessionId":7}', 'unknown-shape'],
  ])('counts %s as a skip and keeps the next request', (_, bad, reason) => {
    const r = parseAll([metadata(), bad, good])
    expect([r.events.map((e) => e.tokens.input), r.skips]).toEqual([[900], { [reason]: 1 }])
  })

  it('never decodes prompt or tool text that mentions tokens', () => {
    const r = parseAll([
      metadata(),
      userMessage(U1, TS, 'why is "tokens": {"input": broken in {"sessionId"'),
      JSON.stringify({ id: 'b8000001-2222-4ccc-8ddd-000000000009', timestamp: TS, type: 'user', content: [{ functionResponse: { response: { output: '"tokens":{' } } }] }),
      good,
    ])
    expect([r.events.length, r.skips]).toEqual([1, {}])
  })

  it('never stores message text', () => {
    const r = parseAll([metadata(), geminiMessage(G1, TS, tokens(10, 2), { content: 'SECRET-REPLY', thoughts: [{ subject: 'SECRET-THOUGHT' }] })])
    expect(JSON.stringify(r).includes('SECRET')).toBe(false)
  })
})
