import { describe, expect, it } from 'vitest'
import { parseAmpFile } from './parse.ts'
import { assistant, bytesOf, CREATED, fileRef, ledgerEvent, ROOT, THREAD_ID, thread, usage, user } from './test-thread.ts'

const parse = (doc: unknown, file = fileRef()) => parseAmpFile(bytesOf(doc), file, null)
const tokensOf = (doc: unknown) => parse(doc).events.map((e) => [e.dedupeKey, e.tokens.input, e.tokens.output, e.tokens.cacheRead, e.tokens.cacheWrite5m])

describe('current schema: usage on assistant messages', () => {
  const r = parse(
    thread([
      user(0),
      assistant(1, usage(10, 178, 986, 11372, { model: 'claude-haiku-4-5-20251001', timestamp: '2026-11-20T11:42:10.652Z' })),
      user(2),
      assistant(3, usage(5, 42, 0, 12000)),
    ]),
  )

  it('keeps input without cache and the cache split (10 + 986 + 11372 = 12368 prompt tokens)', () => {
    expect(r.events.map((e) => e.tokens)).toEqual([
      { input: 10, output: 178, cacheRead: 11372, cacheWrite5m: 986, cacheWrite1h: 0, reasoning: 0 },
      { input: 5, output: 42, cacheRead: 12000, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    ])
  })

  it('keys each request by thread and message id and stamps usage time, model, thread and project', () => {
    expect(r.events.map((e) => [e.dedupeKey, new Date(e.eventTs).toISOString(), e.modelRaw, e.sessionId, e.project, e.account, e.sourceOffset])).toEqual([
      [`amp:${THREAD_ID}:1`, '2026-11-20T11:42:10.652Z', 'claude-haiku-4-5-20251001', THREAD_ID, '/home/dev/shop', ROOT.account, 1],
      [`amp:${THREAD_ID}:3`, '2026-11-20T09:01:00.000Z', 'claude-sonnet-4-5-20250929', THREAD_ID, '/home/dev/shop', ROOT.account, 3],
    ])
  })

  it('records no cost (Amp reports credits, not dollars) and no vendor message id', () => {
    expect(r.events.map((e) => [e.vendorCostUsd, e.messageId, e.provider])).toEqual([
      [null, null, 'amp'],
      [null, null, 'amp'],
    ])
  })

  it('keys a message without messageId by its index', () => {
    expect(tokensOf(thread([user(0), assistant(undefined, usage(7, 8, 0, 0))]))).toEqual([[`amp:${THREAD_ID}:#1`, 7, 8, 0, 0]])
  })

  it('ignores user messages and assistant messages still streaming (no usage yet)', () => {
    expect(parse(thread([user(0), assistant(1, undefined), { role: 'user', usage: usage(1, 1, 0, 0) }]))).toMatchObject({ events: [], skips: {} })
  })
})

describe('older threads: usageLedger events', () => {
  it('ledger only: input and output from the ledger', () => {
    expect(tokensOf(thread([user(0), assistant(1, undefined)], { usageLedger: { events: [ledgerEvent('e1', 1, 300, 40)] } }))).toEqual([
      [`amp:${THREAD_ID}:1`, 300, 40, 0, 0],
    ])
  })

  it('joins the cache tokens of the message the event paid for, and reads that message once', () => {
    const doc = thread([user(0), assistant(1, usage(300, 40, 986, 11372))], { usageLedger: { events: [ledgerEvent('e1', 1, 300, 40)] } })
    expect(tokensOf(doc)).toEqual([[`amp:${THREAD_ID}:1`, 300, 40, 11372, 986]])
  })

  it('takes ledger time and model over the message', () => {
    const doc = thread([assistant(1, usage(3, 4, 5, 6, { model: 'x' }))], { usageLedger: { events: [ledgerEvent('e1', 1, 3, 4, { model: 'gpt-5' })] } })
    expect(parse(doc).events.map((e) => [e.modelRaw, new Date(e.eventTs).toISOString()])).toEqual([['gpt-5', '2026-11-20T09:02:00.000Z']])
  })

  it('mixed: joined messages, a message no event names, an event naming no message — each counted once', () => {
    const doc = thread(
      [user(0), assistant(1, usage(100, 10, 1000, 5000)), user(2), assistant(3, usage(200, 20, 0, 6000)), user(4), assistant(5, usage(50, 5, 0, 7000))],
      { usageLedger: { events: [ledgerEvent('e1', 1, 100, 10), ledgerEvent('e2', 3, 200, 20), ledgerEvent('e3', undefined, 30, 3)] } },
    )
    expect(tokensOf(doc)).toEqual([
      [`amp:${THREAD_ID}:1`, 100, 10, 5000, 1000],
      [`amp:${THREAD_ID}:3`, 200, 20, 6000, 0],
      [`amp:${THREAD_ID}:ledger:e3`, 30, 3, 0, 0],
      [`amp:${THREAD_ID}:5`, 50, 5, 7000, 0],
    ])
  })

  it('a second event for the same message is its own request, without the (already joined) cache', () => {
    const doc = thread([assistant(1, usage(100, 10, 1000, 5000))], { usageLedger: { events: [ledgerEvent('e1', 1, 100, 10), ledgerEvent('e2', 1, 60, 6)] } })
    expect(tokensOf(doc)).toEqual([
      [`amp:${THREAD_ID}:1`, 100, 10, 5000, 1000],
      [`amp:${THREAD_ID}:ledger:e2`, 60, 6, 0, 0],
    ])
  })

  it('takes cache counts written into the ledger itself when a build did so', () => {
    const doc = thread([assistant(1, usage(100, 10, 1, 2))], {
      usageLedger: { events: [ledgerEvent('e1', 1, 100, 10, { tokens: { input: 100, output: 10, cacheReadInputTokens: 800, cacheCreationInputTokens: 90 } })] },
    })
    expect(tokensOf(doc)).toEqual([[`amp:${THREAD_ID}:1`, 100, 10, 800, 90]])
  })
})

describe('timestamps', () => {
  it.each([
    ['usage.timestamp', usage(1, 1, 0, 0, { timestamp: '2026-11-20T10:00:00+01:00' }), fileRef(), '2026-11-20T09:00:00.000Z'],
    ['the thread creation time when usage has none', usage(1, 1, 0, 0, { timestamp: undefined }), fileRef(), new Date(CREATED).toISOString()],
    ['never a zoneless (machine-local) time', usage(1, 1, 0, 0, { timestamp: '2026-11-20T10:00:00' }), fileRef(), new Date(CREATED).toISOString()],
  ])('%s', (_, use, file, iso) => {
    expect(parse(thread([assistant(1, use)]), file).events.map((e) => new Date(e.eventTs).toISOString())).toEqual([iso])
  })

  it('falls back to the file mtime, else skips with a reason', () => {
    const doc = thread([assistant(1, usage(1, 1, 0, 0, { timestamp: undefined }))], { created: undefined })
    expect([parse(doc).events.map((e) => new Date(e.eventTs).toISOString()), parse(doc, fileRef(null)).skips]).toEqual([
      ['2026-11-21T00:00:00.000Z'],
      { 'no-timestamp': 1 },
    ])
  })
})

describe('thread facts', () => {
  it.each([
    ['a Windows file URI', { initial: { trees: [{ uri: 'file:///C:/src/My%20App' }] } }, 'C:/src/My App'],
    ['a non-file URI falls back to the display name', { initial: { trees: [{ uri: 'vscode-remote://x/y', displayName: 'y' }] } }, 'y'],
    ['no env', undefined, null],
  ])('project from %s', (_, env, project) => {
    expect(parse(thread([assistant(1, usage(1, 1, 0, 0))], { env })).events.map((e) => e.project)).toEqual([project])
  })

  it('takes the thread id from the file name when the thread has none', () => {
    expect(parse(thread([assistant(1, usage(1, 1, 0, 0))], { id: undefined })).events.map((e) => e.sessionId)).toEqual([THREAD_ID])
  })

  it('labels a record without model as unknown', () => {
    expect(parse(thread([assistant(1, usage(1, 1, 0, 0, { model: undefined }))])).events.map((e) => e.modelRaw)).toEqual(['unknown'])
  })
})

describe('bad input is a counted skip, never a throw', () => {
  const good = thread([user(0), assistant(1, usage(10, 178, 986, 11372)), assistant(3, usage(5, 42, 0, 12000))])
  const text = JSON.stringify(good, null, 2)
  it.each([
    ['a torn thread (rewritten while read)', text.slice(0, Math.floor(text.length * 0.6)), { 'malformed-json': 1 }],
    ['an empty file', '', { 'malformed-json': 1 }],
    ['a JSON array', '[]', { 'unknown-shape': 1 }],
    ['an all-zero usage', thread([assistant(1, usage(0, 0, 0, 0))]), { 'zero-tokens': 1 }],
    ['a total-only usage', thread([assistant(1, { totalTokens: 345, timestamp: '2026-11-20T09:01:00.000Z' })]), { 'total-only': 1 }],
    ['a string count', thread([assistant(1, usage(10, 5, 0, 0, { inputTokens: '10' }))]), { 'bad-usage': 1 }],
    ['a usage that is not an object', thread([assistant(1, undefined), { role: 'assistant', usage: 7 }]), { 'bad-usage': 1 }],
    ['a message that is not an object', thread([null, 3]), { 'unknown-shape': 2 }],
    ['a ledger event with a negative count', thread([], { usageLedger: { events: [ledgerEvent('e1', 1, -1, 4)] } }), { 'bad-usage': 1 }],
    ['a ledger event that is not an object', thread([], { usageLedger: { events: ['x'] } }), { 'unknown-shape': 1 }],
  ])('%s', (_, doc, skips) => {
    expect(parse(doc)).toMatchObject({ events: [], skips })
  })
})
