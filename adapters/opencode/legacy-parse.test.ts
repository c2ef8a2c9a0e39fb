import { describe, expect, it } from 'vitest'
import type { SourceFileRef } from '../../common/adapter-contract.ts'
import { parseLegacyMessage } from './legacy-parse.ts'
import { assistantData, tok } from './test-db.ts'

const file: SourceFileRef = { path: '/h/.local/share/opencode/storage/message/ses_abc/msg_1.json', root: { dir: '/h/.local/share/opencode/storage/message', account: '/h/.local/share/opencode' } }
const bytes = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v))
const T = Date.UTC(2025, 8, 1, 10, 0, 0)

describe('parseLegacyMessage', () => {
  it('counts an assistant message from its own tokens, as a weak copy dated by time.created', () => {
    const data = { id: 'msg_1', sessionID: 'ses_abc', ...assistantData('msg_0', { created: T, completed: T + 4_000, providerID: 'openai', modelID: 'gpt-5', cost: 0.042, tokens: tok(1_200, 900, 600, 8_000, 0) }) }
    const r = parseLegacyMessage(bytes(data), file)
    expect(r.events.map((e) => ({ ts: new Date(e.eventTs).toISOString(), model: e.modelRaw, session: e.sessionId, tokens: e.tokens, cost: e.vendorCostUsd, weak: e.isSidechain }))).toEqual([
      { ts: '2025-09-01T10:00:00.000Z', model: 'openai/gpt-5', session: 'ses_abc', tokens: { input: 1_200, output: 900, cacheRead: 8_000, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 600 }, cost: 0.042, weak: true },
    ])
  })

  it('takes the session id from the directory when the file lacks it', () => {
    const r = parseLegacyMessage(bytes(assistantData('msg_0', { created: T, cost: 0.01, tokens: tok(1, 2) })), file)
    expect(r.events.map((e) => e.sessionId)).toEqual(['ses_abc'])
  })

  it.each([
    ['a torn file', '{"id":"msg_1","role":"assis', { 'malformed-json': 1 }],
    ['a JSON array', '[1,2]', { 'unknown-shape': 1 }],
    ['no time.created', { role: 'assistant', tokens: tok(1, 1) }, { 'bad-timestamp': 1 }],
    ['tokens of the wrong type', { role: 'assistant', time: { created: T }, tokens: { input: 'many' } }, { 'bad-usage': 1 }],
    ['an aborted message with zero tokens', { role: 'assistant', time: { created: T }, tokens: tok(0, 0), error: { name: 'MessageAbortedError' } }, { aborted: 1 }],
    ['a user message (no usage, not a skip)', { role: 'user', time: { created: T } }, {}],
  ])('yields no event for %s', (_, content, skips) => {
    const r = parseLegacyMessage(bytes(content), file)
    expect([r.events.length, r.skips]).toEqual([0, skips])
  })
})
