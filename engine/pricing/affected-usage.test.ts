import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProviderId } from '../../common/providers.ts'
import type { TokenCounts } from '../../common/tokens.ts'
import { EventWriter } from '../store/event-writer.ts'
import { openLedger, type Db } from '../store/open-ledger.ts'
import { testEvent } from '../store/test-events.ts'
import { affectedUsage, overrideMatcher } from './affected-usage.ts'

let db: Db
let seq = 0

/** One stored request; `tokens` totals 1,310 unless given (10 input + 100 output + 1,000 cache read + 200 1h write). */
function request(at: string, provider: ProviderId, modelRaw: string, tokens: Partial<TokenCounts> = {}): void {
  const id = `e${++seq}`
  const event = testEvent({ dedupeKey: id, messageId: id, requestId: id, eventTs: Date.parse(at), provider, modelRaw, sessionId: `s-${provider}`, tokens })
  db.transaction(() => new EventWriter(db).write([event], Date.parse(at)))()
}

beforeEach(() => {
  db = openLedger(':memory:')
  request('2026-11-19T23:59:59.000Z', 'claude', 'claude-sonnet-4-5-20250929') // the day before the range
  request('2026-11-20T00:00:00.000Z', 'claude', 'claude-sonnet-4-5-20250929', { input: 1_000 }) // 2,300 tokens
  request('2026-11-20T10:30:00.000Z', 'claude', 'claude-haiku-4-5-20251001') // another model
  request('2026-11-21T09:00:00.000Z', 'opencode', 'anthropic/claude-sonnet-4.5') // another spelling, another agent
  request('2026-11-21T23:59:59.999Z', 'claude', 'claude-sonnet-4-5') // last instant of the range
  request('2026-11-21T12:00:00.000Z', 'cursor', 'claude-sonnet-4-5') // Cursor's own charge: never re-priced
  request('2026-11-22T00:00:00.000Z', 'claude', 'claude-sonnet-4-5-20250929') // the day after
  request('2026-11-20T08:00:00.000Z', 'claude', 'claude-nimbus-9-preview') // no registry price
})
afterEach(() => db.close())

describe('usage an override re-prices', () => {
  it('counts every spelling of the model, on every agent, inside the inclusive UTC dates', () => {
    expect(affectedUsage(db, null, 'claude-sonnet-4-5', '2026-11-20', '2026-11-21')).toEqual({
      events: 3,
      tokens: 2_300 + 1_310 + 1_310,
      firstAt: '2026-11-20T00:00:00.000Z',
      lastAt: '2026-11-21T23:59:59.999Z',
    })
  })

  it('an agent-specific override counts only that agent’s usage', () => {
    expect(affectedUsage(db, 'claude', 'anthropic/claude-sonnet-4.5', '2026-11-20', '2026-11-21')).toEqual({
      events: 2,
      tokens: 2_300 + 1_310,
      firstAt: '2026-11-20T00:00:00.000Z',
      lastAt: '2026-11-21T23:59:59.999Z',
    })
    expect(affectedUsage(db, 'opencode', 'claude-sonnet-4-5', null, null)).toMatchObject({ events: 1, tokens: 1_310, firstAt: '2026-11-21T09:00:00.000Z' })
  })

  it('open-ended dates count all history; one open end counts from or until the other', () => {
    expect(affectedUsage(db, null, 'claude-sonnet-4-5', null, null)).toMatchObject({ events: 5, firstAt: '2026-11-19T23:59:59.000Z', lastAt: '2026-11-22T00:00:00.000Z' })
    expect(affectedUsage(db, null, 'claude-sonnet-4-5', '2026-11-21', null)).toMatchObject({ events: 3, firstAt: '2026-11-21T09:00:00.000Z' })
    expect(affectedUsage(db, null, 'claude-sonnet-4-5', null, '2026-11-20')).toMatchObject({ events: 2, lastAt: '2026-11-20T00:00:00.000Z' })
  })

  it('a model the registry does not know matches its own spelling', () => {
    expect(affectedUsage(db, null, 'claude-nimbus-9-preview', null, null)).toEqual({ events: 1, tokens: 1_310, firstAt: '2026-11-20T08:00:00.000Z', lastAt: '2026-11-20T08:00:00.000Z' })
  })

  it('nothing in range is zero usage with no dates', () => {
    expect(affectedUsage(db, null, 'claude-opus-4-1', null, null)).toEqual({ events: 0, tokens: 0, firstAt: null, lastAt: null })
    expect(affectedUsage(db, null, 'claude-sonnet-4-5', '2026-12-01', null)).toEqual({ events: 0, tokens: 0, firstAt: null, lastAt: null })
  })

  it('matches the way the pricer resolves rows', () => {
    const sonnet = overrideMatcher(null, 'claude-sonnet-4-5')
    expect(sonnet('claude', 'claude-sonnet-4-5-20250929')).toBe(true)
    expect(sonnet('opencode', 'anthropic/claude-sonnet-4.5')).toBe(true)
    expect(sonnet('claude', 'claude-haiku-4-5-20251001')).toBe(false)
    expect(sonnet('cursor', 'claude-sonnet-4-5')).toBe(false)
    expect(overrideMatcher('codex', 'claude-sonnet-4-5')('claude', 'claude-sonnet-4-5')).toBe(false)
  })
})
