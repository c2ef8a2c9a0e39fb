import { afterEach, describe, expect, it, vi } from 'vitest'
import { PARSER_VERSION } from './assistant-line.ts'
import { parseLines } from './parse.ts'
import {
  MAIN_FILE,
  ROOT,
  SESSION,
  assistantLine,
  encode,
  parse,
  progressMirror,
  userLine,
  type UsageFields,
} from './test-lines.ts'

/** A line cut off a little after its `"usage"` key, as a crash mid-write leaves it. */
const truncated = (line: string): string => line.slice(0, line.indexOf('"usage"') + 30)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('token mapping', () => {
  it.each<[string, UsageFields, Record<string, number>]>([
    [
      '5m/1h split from cache_creation',
      {
        input_tokens: 3,
        cache_creation_input_tokens: 10000,
        cache_read_input_tokens: 500,
        cache_creation: { ephemeral_5m_input_tokens: 2500, ephemeral_1h_input_tokens: 7500 },
        output_tokens: 400,
      },
      { input: 3, output: 400, cacheRead: 500, cacheWrite5m: 2500, cacheWrite1h: 7500, reasoning: 0 },
    ],
    [
      'no cache_creation object: all writes are 5m',
      { input_tokens: 15, cache_creation_input_tokens: 3200, cache_read_input_tokens: 0, output_tokens: 60 },
      { input: 15, output: 60, cacheRead: 0, cacheWrite5m: 3200, cacheWrite1h: 0, reasoning: 0 },
    ],
    [
      'a split that does not cover the total: the rest is 5m',
      {
        input_tokens: 1,
        cache_creation_input_tokens: 900,
        cache_read_input_tokens: 0,
        cache_creation: { ephemeral_1h_input_tokens: 600 },
        output_tokens: 5,
      },
      { input: 1, output: 5, cacheRead: 0, cacheWrite5m: 300, cacheWrite1h: 600, reasoning: 0 },
    ],
    [
      'null counts are 0, the line is kept',
      {
        input_tokens: null,
        cache_creation_input_tokens: null,
        cache_read_input_tokens: 9000,
        cache_creation: null,
        output_tokens: 40,
      },
      { input: 0, output: 40, cacheRead: 9000, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    ],
  ])('%s', (_name, usage, tokens) => {
    expect(parse([assistantLine({ usage })]).events.map((e) => e.tokens)).toEqual([tokens])
  })
})

describe('event fields', () => {
  const line = assistantLine({ id: 'msg_01X', requestId: 'req_01X', costUSD: 0.0123 })
  const [event] = parse([userLine(), line], MAIN_FILE, 1000).events

  it('carries ids, session, project, account and provenance', () => {
    expect(event).toEqual({
      eventTs: Date.UTC(2025, 9, 1, 9, 0, 1, 234),
      provider: 'claude',
      modelRaw: 'claude-sonnet-4-5-20250929',
      sessionId: SESSION,
      requestId: 'req_01X',
      messageId: 'msg_01X',
      isSidechain: false,
      project: '/home/dev/shop',
      account: '/home/dev/.claude',
      tokens: { input: 3, output: 180, cacheRead: 14000, cacheWrite5m: 0, cacheWrite1h: 1200, reasoning: 0 },
      vendorCostUsd: 0.0123,
      dedupeKey: 'claude:msg_01X:req_01X',
      sourcePath: MAIN_FILE.path,
      sourceOffset: 1000 + encode(`${userLine()}\n`).length,
      parserVersion: PARSER_VERSION,
    })
  })

  it.each([
    ['message id + request id', { id: 'msg_A', requestId: 'req_B' }, 'claude:msg_A:req_B'],
    ['no request id', { id: 'msg_A', requestId: undefined }, 'claude:msg_A'],
    ['null request id', { id: 'msg_A', requestId: null }, 'claude:msg_A'],
    ['no message id: the line uuid', { id: undefined, uuid: 'u-1' }, 'claude:line:u-1'],
  ])('dedupe key with %s', (_name, opts, key) => {
    expect(parse([assistantLine(opts)]).events.map((e) => e.dedupeKey)).toEqual([key])
  })

  it.each([
    ['fast speed gets a -fast suffix', { model: 'claude-opus-4-6', usage: { input_tokens: 5, output_tokens: 7, speed: 'fast' } }, 'claude-opus-4-6-fast'],
    ['standard speed is verbatim', { model: 'claude-opus-4-6', usage: { input_tokens: 5, output_tokens: 7, speed: 'standard' } }, 'claude-opus-4-6'],
  ])('%s', (_name, opts, model) => {
    expect(parse([assistantLine(opts)]).events.map((e) => e.modelRaw)).toEqual([model])
  })

  it('takes the project from the directory when the line has no cwd, and a null costUSD stays null', () => {
    const [e] = parse([assistantLine({ cwd: null, costUSD: null })]).events
    expect([e?.project, e?.vendorCostUsd]).toEqual(['-home-dev-shop', null])
  })

  it('takes a subagent line without sessionId from the directory above subagents/', () => {
    const file = { path: `${ROOT.dir}/-home-dev-shop/${SESSION}/subagents/agent-a1b2c3d.jsonl`, root: ROOT }
    const [e] = parse([assistantLine({ sessionId: undefined, isSidechain: true })], file).events
    expect([e?.sessionId, e?.isSidechain]).toEqual([SESSION, true])
  })
})

describe('duplicates are emitted, not merged (the ledger merges globally)', () => {
  it('emits every streamed copy with the same key and its own offset', () => {
    const copy = (out: number, text: string): string =>
      assistantLine({ id: 'msg_S', requestId: 'req_S', text, usage: { input_tokens: 4, cache_read_input_tokens: 9000, output_tokens: out } })
    const lines = [copy(1, 'thinking'), copy(1, 'text'), copy(356, 'tool')]
    const events = parse(lines).events
    expect(events.map((e) => [e.dedupeKey, e.tokens.output, e.sourceOffset])).toEqual([
      ['claude:msg_S:req_S', 1, 0],
      ['claude:msg_S:req_S', 1, encode(`${lines[0]}\n`).length],
      ['claude:msg_S:req_S', 356, encode(`${lines[0]}\n${lines[1]}\n`).length],
    ])
  })
})

describe('lines that are not billable', () => {
  it.each<[string, string, Record<string, number>]>([
    ['synthetic error notice', assistantLine({ model: '<synthetic>', usage: { input_tokens: 0, output_tokens: 0 } }), { synthetic: 1 }],
    ['agent_progress mirror of a subagent response', progressMirror(assistantLine()), { 'progress-mirror': 1 }],
    ['all-zero usage', assistantLine({ usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0 } }), { 'zero-tokens': 1 }],
    ['usage that is not an object', assistantLine({ usage: 'n/a' }), { 'no-usage': 1 }],
    ['bad timestamp', assistantLine({ timestamp: 'yesterday' }), { 'bad-timestamp': 1 }],
    ['timestamp without a zone', assistantLine({ timestamp: '2025-10-01T09:00:00' }), { 'bad-timestamp': 1 }],
    ['no message id and no uuid', assistantLine({ id: undefined, uuid: undefined }), { 'no-id': 1 }],
    ['no model', assistantLine({ model: '' }), { 'no-model': 1 }],
    ['truncated line', truncated(assistantLine()), { 'malformed-json': 1 }],
    ['JSON that is not an object', '["usage", "assistant"]', { 'not-object': 1 }],
    [
      'a summary that happens to contain both markers',
      JSON.stringify({ type: 'summary', summary: 'placeholder', usage: { role: 'assistant' } }),
      { 'not-assistant': 1 },
    ],
  ])('%s', (_name, line, skips) => {
    expect(parse([line])).toEqual({ events: [], limits: [], skips, state: null })
  })

  it('never counts a Task result, whose toolUseResult.usage sums the subagent', () => {
    const task = userLine({
      toolUseResult: {
        status: 'completed',
        agentId: 'a1b2c3d',
        totalTokens: 45678,
        usage: { input_tokens: 20, cache_creation_input_tokens: 3000, cache_read_input_tokens: 4000, output_tokens: 900 },
      },
    })
    expect(parse([task]).events).toEqual([])
  })

  it('keeps parsing after a malformed line', () => {
    const r = parse(['{"type":"assistant","usage":{"input_tok', assistantLine()])
    expect([r.events.length, r.skips]).toEqual([1, { 'malformed-json': 1 }])
  })
})

describe('byte pre-filter', () => {
  it('parses "usage": { and "type": "assistant" with spaces', () => {
    const spaced = JSON.stringify(JSON.parse(assistantLine()), null, 1).replaceAll('\n', '')
    expect(parse([spaced]).events.map((e) => e.tokens.output)).toEqual([180])
  })

  it('never decodes or parses a 5 MB tool result without usage', () => {
    const huge = userLine({ toolUseResult: { stdout: 'x'.repeat(5 * 1024 * 1024), stderr: '' } })
    const jsonParse = vi.spyOn(JSON, 'parse')
    const r = parse([huge, assistantLine()])
    expect([r.events.map((e) => e.sourceOffset), jsonParse.mock.calls.length]).toEqual([[encode(`${huge}\n`).length], 1])
  })

  it('skips an oversized candidate line without parsing it', () => {
    const giant = assistantLine({ text: 'y'.repeat(17 * 1024 * 1024) })
    const jsonParse = vi.spyOn(JSON, 'parse')
    const r = parse([giant])
    expect([r.events, r.skips, jsonParse.mock.calls.length]).toEqual([[], { 'line-too-large': 1 }, 0])
  })

  it('handles CRLF line endings and a BOM', () => {
    const bytes = encode(`\uFEFF${assistantLine()}\r\n${assistantLine({ id: 'msg_2' })}\r\n`)
    expect(parseLines(bytes, 0, MAIN_FILE, null).events.map((e) => e.dedupeKey)).toEqual([
      'claude:msg_01AAAA:req_011AAAA',
      'claude:msg_2:req_011AAAA',
    ])
  })

  it('never throws on random bytes', () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)
    const bytes = new Uint8Array([...encode('"usage" "assistant" {'), ...noise, 0x0a])
    expect(parseLines(bytes, 0, MAIN_FILE, null).events).toEqual([])
  })
})
