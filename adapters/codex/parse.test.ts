import { describe, expect, it } from 'vitest'
import { totalTokens } from '../../common/tokens.ts'
import { parseCodexLines } from './parse.ts'
import { initialCodexState } from './state.ts'
import {
  agentMessage,
  bytesOf,
  CHILD_ID,
  fileRef,
  GRANDCHILD_ID,
  PARENT_ID,
  parseAll,
  responseItem,
  rolloutPath,
  sessionMeta,
  tokenCount,
  turnContext,
  usage,
} from './test-rollout.ts'

const T0 = '2026-11-20T09:15:02.000Z'
const head = [sessionMeta(PARENT_ID, T0), turnContext('gpt-5.1-codex', '2026-11-20T09:15:03.000Z')]

describe('token mapping', () => {
  const r = parseAll([...head, tokenCount('2026-11-20T09:15:10.500Z', usage(19239, 11008, 299, 116), usage(19239, 11008, 299, 116))])

  it('splits cached out of input and keeps reasoning inside output', () => {
    expect(r.events.map((e) => e.tokens)).toEqual([{ input: 8231, cacheRead: 11008, cacheWrite5m: 0, cacheWrite1h: 0, output: 299, reasoning: 116 }])
  })

  it('totals the same as the log: input_tokens + output_tokens', () => {
    expect(r.events.map((e) => totalTokens(e.tokens))).toEqual([19239 + 299])
  })

  it('stamps the event with the line time, model, session, project and account', () => {
    expect(r.events.map((e) => [e.eventTs, e.modelRaw, e.sessionId, e.project, e.account, e.provider])).toEqual([
      [Date.parse('2026-11-20T09:15:10.500Z'), 'gpt-5.1-codex', PARENT_ID, '/home/dev/widget', '/home/dev/.codex', 'codex'],
    ])
  })
})

describe('re-emitted token_count', () => {
  const first = usage(12000, 8000, 400, 100)
  const second = usage(15000, 11000, 600, 250)
  const r = parseAll([
    ...head,
    tokenCount('2026-11-20T09:16:00.000Z', first, first),
    tokenCount('2026-11-20T09:16:01.000Z', first, first),
    tokenCount('2026-11-20T09:17:00.000Z', usage(27000, 19000, 1000, 350), second),
    tokenCount('2026-11-20T09:17:05.000Z', usage(27000, 19000, 1000, 350), second),
    tokenCount('2026-11-20T09:17:09.000Z', usage(27000, 19000, 1000, 350), second),
  ])

  it('counts each request once: output 400 + 600', () => {
    expect(r.events.map((e) => e.tokens.output)).toEqual([400, 600])
  })

  it('counts the three copies as reemitted skips', () => {
    expect(r.skips).toEqual({ reemitted: 3 })
  })
})

describe('totals that regress (compaction, resume)', () => {
  const r = parseAll([
    ...head,
    tokenCount('2026-11-20T09:20:00.000Z', usage(10000, 0, 500, 0), usage(10000, 0, 500, 0)),
    tokenCount('2026-11-20T09:21:00.000Z', usage(30000, 9000, 900, 0), usage(20000, 9000, 400, 0)),
    // After compaction the running total restarts lower; this request's own usage is still `last`.
    tokenCount('2026-11-20T09:22:00.000Z', usage(4000, 0, 300, 0), usage(4000, 0, 300, 0)),
    tokenCount('2026-11-20T09:23:00.000Z', usage(9000, 2000, 500, 0), usage(5000, 2000, 200, 0)),
  ])

  it('emits every request from last_token_usage, never from total differences', () => {
    expect(r.events.map((e) => [e.tokens.input, e.tokens.cacheRead, e.tokens.output])).toEqual([
      [10000, 0, 500],
      [11000, 9000, 400],
      [4000, 0, 300],
      [3000, 2000, 200],
    ])
  })

  it('gives every request its own key', () => {
    expect(new Set(r.events.map((e) => e.dedupeKey)).size).toBe(4)
  })
})

describe('info null and zero usage', () => {
  const r = parseAll([
    ...head,
    tokenCount('2026-11-20T09:15:04.000Z', null, null, { primary: { used_percent: 5, window_minutes: 300, resets_at: 1795000000 }, secondary: null, plan_type: 'plus' }),
    tokenCount('2026-11-20T09:15:05.000Z', usage(0, 0, 0, 0), usage(0, 0, 0, 0)),
    // fill_to_context_window: total rewritten to the window, last carries only total_tokens.
    tokenCount('2026-11-20T09:15:06.000Z', { ...usage(0, 0, 0, 0), total_tokens: 272000 }, { ...usage(0, 0, 0, 0), total_tokens: 272000 }),
  ])

  it('emits no request', () => {
    expect(r.events).toEqual([])
  })

  it('counts no-info and zero-tokens', () => {
    expect(r.skips).toEqual({ 'no-info': 1, 'zero-tokens': 2 })
  })

  it('still reads the quota window of the usage-less event', () => {
    expect(r.limits.map((l) => [l.windowId, l.usedPercent])).toEqual([['primary', 5]])
  })
})

describe('model attribution', () => {
  const r = parseAll([
    sessionMeta(PARENT_ID, T0),
    tokenCount('2026-11-20T09:15:04.000Z', usage(100, 0, 10, 0), usage(100, 0, 10, 0)),
    turnContext('gpt-5.1-codex', '2026-11-20T09:15:05.000Z'),
    tokenCount('2026-11-20T09:15:06.000Z', usage(300, 0, 30, 0), usage(200, 0, 20, 0)),
    turnContext('gpt-5.1-codex-mini', '2026-11-20T09:18:00.000Z', '/home/dev/widget/packages/ui'),
    tokenCount('2026-11-20T09:18:06.000Z', usage(600, 0, 60, 0), usage(300, 0, 30, 0)),
  ])

  it('uses the latest turn_context model, and `unknown` before the first one', () => {
    expect(r.events.map((e) => e.modelRaw)).toEqual(['unknown', 'gpt-5.1-codex', 'gpt-5.1-codex-mini'])
  })

  it('follows the turn_context working directory', () => {
    expect(r.events.map((e) => e.project)).toEqual(['/home/dev/widget', '/home/dev/widget', '/home/dev/widget/packages/ui'])
  })

  it.each([
    ['payload.model', { type: 'token_count', model: 'gpt-5', info: null }],
    ['payload.model_name', { type: 'token_count', model_name: 'gpt-5', info: null }],
    ['payload.metadata.model', { type: 'token_count', metadata: { model: 'gpt-5' }, info: null }],
    ['info.model', { type: 'token_count', info: { model: 'gpt-5' } }],
  ])('accepts %s as a model source', (_, payload) => {
    const file = fileRef(rolloutPath(PARENT_ID))
    const lines = [
      JSON.stringify({ timestamp: '2026-11-20T09:15:04.000Z', type: 'event_msg', payload }),
      tokenCount('2026-11-20T09:15:06.000Z', usage(300, 0, 30, 0), usage(300, 0, 30, 0)),
    ]
    expect(parseCodexLines(bytesOf(lines), 0, file, initialCodexState(file)).events.map((e) => e.modelRaw)).toEqual(['gpt-5'])
  })
})

describe('rate limits', () => {
  const rateLimits = {
    primary: { used_percent: 42.5, window_minutes: 300, resets_at: 1795000000 },
    secondary: { used_percent: 12, window_minutes: 10080, resets_at: 1795400000 },
    credits: { has_credits: false, unlimited: false, balance: null },
    plan_type: 'pro',
  }
  const r = parseAll([...head, tokenCount('2026-11-20T09:30:00.000Z', usage(100, 0, 10, 0), usage(100, 0, 10, 0), rateLimits)])

  it('reads both windows with resets_at converted from unix seconds to ms', () => {
    expect(r.limits).toEqual([
      { provider: 'codex', account: '/home/dev/.codex', windowId: 'primary', observedTs: Date.parse('2026-11-20T09:30:00.000Z'), usedPercent: 42.5, windowMinutes: 300, resetsAt: 1795000000000, planType: 'pro' },
      { provider: 'codex', account: '/home/dev/.codex', windowId: 'secondary', observedTs: Date.parse('2026-11-20T09:30:00.000Z'), usedPercent: 12, windowMinutes: 10080, resetsAt: 1795400000000, planType: 'pro' },
    ])
  })

  it('converts the older relative resets_in_seconds against the event time', () => {
    const legacy = parseAll([...head, tokenCount('2026-11-20T09:30:00.000Z', null, null, { primary: { used_percent: 3, window_minutes: 300, resets_in_seconds: 600 } })])
    expect(legacy.limits.map((l) => l.resetsAt)).toEqual([Date.parse('2026-11-20T09:40:00.000Z')])
  })

  it('keeps a non-default limit family apart', () => {
    const other = parseAll([...head, tokenCount('2026-11-20T09:30:00.000Z', null, null, { limit_id: 'codex_bengalfox', primary: { used_percent: 1, window_minutes: 300, resets_at: 1795000000 } })])
    expect(other.limits.map((l) => l.windowId)).toEqual(['codex_bengalfox:primary'])
  })

  it('reads quota from re-emitted token_counts too', () => {
    const u = usage(100, 0, 10, 0)
    const twice = parseAll([...head, tokenCount('2026-11-20T09:30:00.000Z', u, u, rateLimits), tokenCount('2026-11-20T09:31:00.000Z', u, u, rateLimits)])
    expect([twice.events.length, twice.limits.length]).toEqual([1, 4])
  })
})

describe('forks and sub-agents', () => {
  const parentLines = [
    sessionMeta(PARENT_ID, T0),
    turnContext('gpt-5.1-codex', '2026-11-20T09:15:03.000Z'),
    tokenCount('2026-11-20T09:15:10.000Z', usage(5000, 0, 200, 50), usage(5000, 0, 200, 50)),
    tokenCount('2026-11-20T09:16:10.000Z', usage(12000, 4800, 500, 120), usage(7000, 4800, 300, 70)),
  ]
  const forkInstant = '2026-11-20T10:00:00.000Z'
  const restamp = (line: string): string => JSON.stringify({ ...JSON.parse(line), timestamp: forkInstant })
  const childLines = [
    sessionMeta(CHILD_ID, forkInstant, { forked_from_id: PARENT_ID }),
    ...parentLines.map(restamp),
    turnContext('gpt-5.1-codex', '2026-11-20T10:00:05.000Z'),
    tokenCount('2026-11-20T10:00:20.000Z', usage(20000, 11000, 900, 300), usage(8000, 6200, 400, 180)),
  ]
  const parent = parseAll(parentLines)
  const child = parseAll(childLines, fileRef(rolloutPath(CHILD_ID)))

  it('gives the replayed requests the keys of the originals', () => {
    expect(child.events.slice(0, 2).map((e) => e.dedupeKey)).toEqual(parent.events.map((e) => e.dedupeKey))
  })

  it('stores parent and child as three requests: two parent, one child', () => {
    expect(new Set([...parent.events, ...child.events].map((e) => e.dedupeKey)).size).toBe(3)
  })

  it('keeps the child its own session id, not the copied parent meta id', () => {
    expect(child.events.map((e) => e.sessionId)).toEqual([CHILD_ID, CHILD_ID, CHILD_ID])
  })

  it('remembers where the child was forked from', () => {
    expect(child.state.forkedFromId).toBe(PARENT_ID)
  })

  it('resolves a fork of a fork to the root thread', () => {
    const grandchild = parseAll(
      [sessionMeta(GRANDCHILD_ID, '2026-11-20T11:00:00.000Z', { forked_from_id: CHILD_ID }), ...childLines.map(restamp)],
      fileRef(rolloutPath(GRANDCHILD_ID)),
    )
    expect(grandchild.events.map((e) => e.dedupeKey)).toEqual(child.events.map((e) => e.dedupeKey))
  })

  it('infers the parent from a copied meta when the own meta names none (older builds)', () => {
    const unlabelled = parseAll([sessionMeta(CHILD_ID, forkInstant), ...parentLines.map(restamp)], fileRef(rolloutPath(CHILD_ID)))
    expect(unlabelled.events.map((e) => e.dedupeKey)).toEqual(parent.events.map((e) => e.dedupeKey))
  })

  it('treats a thread_spawn sub-agent replay like a fork', () => {
    const spawned = parseAll(
      [sessionMeta(CHILD_ID, forkInstant, { source: { subagent: { thread_spawn: { parent_thread_id: PARENT_ID, depth: 1 } } } }), ...parentLines.map(restamp)],
      fileRef(rolloutPath(CHILD_ID)),
    )
    expect(spawned.events.map((e) => e.dedupeKey)).toEqual(parent.events.map((e) => e.dedupeKey))
  })
})

describe('file identity', () => {
  const lines = [...head, tokenCount('2026-11-20T09:15:10.000Z', usage(900, 100, 50, 0), usage(900, 100, 50, 0))]

  it.each([
    ['archived', rolloutPath(PARENT_ID, '/home/dev/.codex/archived_sessions')],
    ['compressed', `${rolloutPath(PARENT_ID)}.zst`],
  ])('gives a %s copy the same dedupe keys', (_, path) => {
    expect(parseAll(lines, fileRef(path)).events.map((e) => e.dedupeKey)).toEqual(parseAll(lines).events.map((e) => e.dedupeKey))
  })

  it('takes the session id from the file name when there is no session_meta', () => {
    expect(parseAll(lines.slice(1)).events.map((e) => e.sessionId)).toEqual([PARENT_ID])
  })

  it('falls back to the file name stem for a rollout without any thread id', () => {
    const r = parseAll(lines.slice(1), fileRef('/home/dev/.codex/sessions/rollout-old.jsonl'))
    expect(r.events.map((e) => [e.sessionId, e.dedupeKey])).toEqual([['rollout-old', 'codex:rollout-old:900,100,50,0,950:900,100,50,0,950']])
  })
})

describe('offsets and incremental reads', () => {
  const lines = [
    ...head,
    responseItem('2026-11-20T09:15:04.000Z', 'placeholder reply'),
    tokenCount('2026-11-20T09:15:10.000Z', usage(900, 100, 50, 0), usage(900, 100, 50, 0)),
    responseItem('2026-11-20T09:15:11.000Z', 'placeholder reply two'),
    tokenCount('2026-11-20T09:15:20.000Z', usage(2000, 900, 80, 0), usage(1100, 800, 30, 0)),
    tokenCount('2026-11-20T09:15:21.000Z', usage(2000, 900, 80, 0), usage(1100, 800, 30, 0)),
  ]
  const bytes = bytesOf(lines)
  const file = fileRef(rolloutPath(PARENT_ID))
  const whole = parseCodexLines(bytes, 0, file, initialCodexState(file))
  const lineStart = (i: number): number => bytesOf(lines.slice(0, i)).length

  it('reports each event at its line start plus the base offset', () => {
    expect(parseCodexLines(bytes, 1000, file, initialCodexState(file)).events.map((e) => e.sourceOffset)).toEqual([1000 + lineStart(3), 1000 + lineStart(5)])
  })

  it('resumes from the returned state exactly as one read would', () => {
    const cut = lineStart(5)
    const first = parseCodexLines(bytes.subarray(0, cut), 0, file, initialCodexState(file))
    const second = parseCodexLines(bytes.subarray(cut), cut, file, first.state)
    expect([...first.events, ...second.events]).toEqual(whole.events)
  })

  it('carries the previous total across reads so a re-emit in the next read is skipped', () => {
    const cut = lineStart(6)
    const first = parseCodexLines(bytes.subarray(0, cut), 0, file, initialCodexState(file))
    expect(parseCodexLines(bytes.subarray(cut), cut, file, first.state).skips).toEqual({ reemitted: 1 })
  })

  it('does not mutate the state it was given', () => {
    const state = initialCodexState(file)
    parseCodexLines(bytes, 0, file, state)
    expect(state).toEqual(initialCodexState(file))
  })
})

describe('bad input', () => {
  const good = tokenCount('2026-11-20T09:15:10.000Z', usage(900, 100, 50, 0), usage(900, 100, 50, 0))

  it.each([
    ['broken JSON', '{"timestamp":"2026-11-20T09:15:09.000Z","type":"event_msg","payload":{"type":"token_count",', 'malformed-json'],
    ['a non-object line', '["token_count"]', 'unknown-shape'],
    ['a payload that is not an object', '{"timestamp":"2026-11-20T09:15:09.000Z","type":"event_msg","payload":"token_count"}', 'unknown-shape'],
    ['a bad timestamp', tokenCount('yesterday', usage(1, 0, 1, 0), usage(1, 0, 1, 0)), 'bad-timestamp'],
    ['a string count', tokenCount('2026-11-20T09:15:09.000Z', usage(1, 0, 1, 0), null).replace('"info":null', '"info":{"total_token_usage":{"input_tokens":1},"last_token_usage":{"input_tokens":"1"}}'), 'bad-usage'],
    ['a negative count', tokenCount('2026-11-20T09:15:09.000Z', usage(1, 0, 1, 0), usage(-5, 0, 1, 0)), 'bad-usage'],
    ['cached above input', tokenCount('2026-11-20T09:15:09.000Z', usage(1, 0, 1, 0), usage(10, 20, 1, 0)), 'bad-usage'],
    ['info that is a string', '{"timestamp":"2026-11-20T09:15:09.000Z","type":"event_msg","payload":{"type":"token_count","info":"x"}}', 'bad-usage'],
    ['a session_meta without id', '{"timestamp":"2026-11-20T09:15:09.000Z","type":"session_meta","payload":{"cwd":"/x"}}', 'bad-session-meta'],
    ['a rate-limit window without used_percent', tokenCount('2026-11-20T09:15:09.000Z', null, null, { primary: { window_minutes: 300 } }), 'bad-rate-limits'],
  ])('counts %s as a skip and keeps the next request', (_, bad, reason) => {
    const r = parseAll([...head, bad, good])
    expect([r.events.map((e) => e.tokens.output), r.skips[reason]]).toEqual([[50], 1])
  })

  it('never decodes model text that merely mentions token_count', () => {
    const r = parseAll([
      ...head,
      responseItem('2026-11-20T09:15:04.000Z', 'grep "token_count" {"type":"token_count","info":{ broken'),
      agentMessage('2026-11-20T09:15:05.000Z', 'the "token_count" event is emitted per turn'),
      good,
    ])
    expect([r.events.length, r.skips]).toEqual([1, {}])
  })

  it('reads a last line that has no newline (decompressed whole files)', () => {
    const file = fileRef(rolloutPath(PARENT_ID))
    const bytes = new TextEncoder().encode([...head, good].join('\n'))
    expect(parseCodexLines(bytes, 0, file, initialCodexState(file)).events.length).toBe(1)
  })
})
