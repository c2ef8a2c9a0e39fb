import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodName, MethodParams, MethodResults, RpcOutcome } from '../../../common/engine-methods.ts'
import type { ProviderId } from '../../../common/providers.ts'
import type { TokenCounts } from '../../../common/tokens.ts'
import { Engine } from '../../core/engine.ts'
import { EventWriter } from '../../store/event-writer.ts'
import { testEvent } from '../../store/test-events.ts'
import { dispatch } from '../dispatch.ts'

// Monday 2026-11-23 12:00 UTC.
const NOW = Date.UTC(2026, 10, 23, 12)
let engine: Engine
let seq = 0

async function call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<RpcOutcome<M>> {
  return (await dispatch(engine, null, method, params)) as RpcOutcome<M>
}
async function ok<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResults[M]> {
  const o = await call(method, params)
  if (!o.ok) throw new Error(`${method}: ${o.error.message}`)
  return o.result
}

function request(at: string, provider: ProviderId, modelRaw: string, tokens: Partial<TokenCounts>): void {
  const id = `e${++seq}`
  const event = testEvent({ dedupeKey: id, messageId: id, requestId: id, eventTs: Date.parse(at), provider, modelRaw, sessionId: `s-${provider}`, tokens })
  engine.db.transaction(() => new EventWriter(engine.db).write([event], NOW))()
}

const M = 1_000_000
const only = (t: Partial<TokenCounts>): Partial<TokenCounts> => ({ input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, ...t })

beforeEach(() => {
  const home = mkdtempSync(join(tmpdir(), 'tl-pricing-handlers-'))
  engine = new Engine({ dbPath: ':memory:', discovery: { home, env: {}, platform: 'linux' }, timezone: 'UTC', now: () => NOW })
  // Today: 100k input tokens of Sonnet 4.5 ($0.30 at the registry's $3/MTok; a prompt under the 200k
  // long-context tier) and 1M output of Codex gpt-5 ($10.00).
  request('2026-11-23T09:00:00.000Z', 'claude', 'claude-sonnet-4-5-20250929', only({ input: 100_000 }))
  request('2026-11-23T10:00:00.000Z', 'codex', 'gpt-5', only({ output: M }))
  // Earlier this month: 2M output tokens of Sonnet 4.5 ($30.00) and 500k tokens of a model the registry lacks.
  request('2026-11-02T10:00:00.000Z', 'claude', 'claude-sonnet-4-5', only({ output: 2 * M }))
  request('2026-11-03T10:00:00.000Z', 'claude', 'claude-nimbus-9-preview', only({ input: 500_000 }))
})
afterEach(() => engine.close())

describe('pricing.lookup', () => {
  it('gives a known model’s registry prices and all its usage, every spelling counted', async () => {
    const view = await ok('pricing.lookup', { provider: null, model: 'anthropic/claude-sonnet-4.5' })
    expect(view).toEqual({
      model: 'anthropic/claude-sonnet-4.5',
      canonicalModel: 'claude-sonnet-4-5',
      registryVersion: engine.reportContext().pricer.registryVersion,
      registryPrices: { input: 3, output: 15, cacheRead: 0.3, cacheWrite5m: 3.75, cacheWrite1h: 6 },
      affected: { events: 2, tokens: 2_100_000, firstAt: '2026-11-02T10:00:00.000Z', lastAt: '2026-11-23T09:00:00.000Z' },
    })
  })

  it('an unknown model has no registry price but its own usage', async () => {
    const view = await ok('pricing.lookup', { provider: 'claude', model: 'claude-nimbus-9-preview' })
    expect(view.canonicalModel).toBeNull()
    expect(view.registryPrices).toEqual({ input: null, output: null, cacheRead: null, cacheWrite5m: null, cacheWrite1h: null })
    expect(view.affected).toEqual({ events: 1, tokens: 500_000, firstAt: '2026-11-03T10:00:00.000Z', lastAt: '2026-11-03T10:00:00.000Z' })
  })

  it('lists the models seen, priced or not', async () => {
    // Most tokens first, each spelling as the agent logged it.
    expect(await ok('models.seen', {})).toEqual([
      { provider: 'claude', model: 'claude-sonnet-4-5', events: 1, priced: true },
      { provider: 'codex', model: 'gpt-5', events: 1, priced: true },
      { provider: 'claude', model: 'claude-nimbus-9-preview', events: 1, priced: false },
      { provider: 'claude', model: 'claude-sonnet-4-5-20250929', events: 1, priced: true },
    ])
  })
})

describe('overrides', () => {
  it('an added override re-prices the snapshot at once and lists the registry price beside it', async () => {
    expect(engine.snapshot().today.costUsd).toBe(10.3)
    const added = await ok('overrides.add', { provider: 'claude', model: 'claude-sonnet-4-5', prices: { input: 6 }, effectiveFrom: '2026-11-20', effectiveUntil: null })
    // 100k input at $6 instead of $3: today $10.60; the Nov 2 output is outside the override's dates.
    expect(engine.snapshot().today.costUsd).toBe(10.6)
    expect(engine.snapshot().month.costUsd).toBe(40.6)
    expect(added).toEqual({
      id: expect.any(String),
      provider: 'claude',
      model: 'claude-sonnet-4-5',
      canonicalModel: 'claude-sonnet-4-5',
      prices: { input: 6 },
      registryPrices: { input: 3, output: 15, cacheRead: 0.3, cacheWrite5m: 3.75, cacheWrite1h: 6 },
      effectiveFrom: '2026-11-20',
      effectiveUntil: null,
      affected: { events: 1, tokens: 100_000, firstAt: '2026-11-23T09:00:00.000Z', lastAt: '2026-11-23T09:00:00.000Z' },
    })
    expect(await ok('overrides.list', {})).toEqual([added])
    expect(await ok('overrides.remove', { id: added.id })).toEqual({ removed: true })
    expect(engine.snapshot().today.costUsd).toBe(10.3)
    expect(await ok('overrides.remove', { id: added.id })).toEqual({ removed: false })
  })

  it('prices an unknown model from input and output prices', async () => {
    await ok('overrides.add', { provider: null, model: 'claude-nimbus-9-preview', prices: { input: 2, output: 8 }, effectiveFrom: null, effectiveUntil: null })
    expect(engine.snapshot().month.costUsd).toBe(41.3) // $40.30 + 500k input × $2/MTok
    expect(engine.snapshot().month.unpricedTokens).toBe(0)
  })

  it.each([
    [{ provider: null, model: 'claude-sonnet-4-5', prices: { input: -1 } }, 'prices.input', 'a price cannot be negative'],
    [{ provider: null, model: 'claude-sonnet-4-5', prices: { input: 1 }, effectiveFrom: '2026-11-20', effectiveUntil: '2026-11-01' }, 'effectiveUntil', '2026-11-01 is before effectiveFrom 2026-11-20'],
    [{ provider: null, model: 'claude-nimbus-9-preview', prices: { input: 1 } }, 'model', 'unknown model "claude-nimbus-9-preview"'],
  ])('rejects %j next to the field, storing nothing', async (input, field, message) => {
    const o = await call('overrides.add', input as MethodParams<'overrides.add'>)
    expect(o.ok).toBe(false)
    if (o.ok) return
    expect(o.error.code).toBe('invalid-params')
    expect(o.error.fields).toEqual([{ field, message: expect.stringContaining(message) }])
    expect(await ok('overrides.list', {})).toEqual([])
    expect(engine.snapshot().today.costUsd).toBe(10.3)
  })
})

describe('plans and rules', () => {
  const plan = (name: string) => ok('plans.add', { name, catalogueId: null, provider: 'claude', account: null, billing: 'monthly', feeUsd: 30, startDate: '2026-11-01', endDate: null })
  const rule = (project: string, planId: string | null) =>
    ok('rules.add', { provider: 'claude', account: null, project, from: null, until: null, billing: planId === null ? 'api' : 'plan', planId })

  it('a plan changes the effective cost in the snapshot at once', async () => {
    expect(engine.snapshot().month.effectiveCostUsd).toBe(40.3)
    const p = await ok('plans.add', { catalogueId: 'claude-pro', account: null, billing: 'monthly', startDate: '2026-11-01', endDate: null })
    expect(p).toMatchObject({ name: 'Claude Pro', provider: 'claude', feeUsd: 20 })
    const s = engine.snapshot()
    // Codex $10 per token + Claude Pro's fee for Nov 1–23: $20 × 23/30.
    expect(s.month.effectiveCostUsd).toBeCloseTo(10 + (20 * 23) / 30, 6)
    // Value: Claude's $0.30 + $30.00 at list price (the unpriced model adds nothing); 30.30 / 15.33 = 1.98×.
    expect(s.valueVsPaid).toEqual({ valueUsd: 30.3, feesUsd: 15.333333, multiple: 1.98 })
    expect(await ok('plans.list', {})).toEqual({ plans: [p], rules: [] })
  })

  it('moves a rule up and down; the ends stay put', async () => {
    const p = await plan('Team')
    const a = await rule('/a', p.id)
    const b = await rule('/b', null)
    const c = await rule('/c', p.id)
    const order = (rules: { id: string }[]) => rules.map((r) => r.id)
    expect(order((await ok('rules.move', { id: c.id, direction: 'up' })).rules)).toEqual([a.id, c.id, b.id])
    expect(order((await ok('rules.move', { id: a.id, direction: 'down' })).rules)).toEqual([c.id, a.id, b.id])
    expect(order((await ok('rules.move', { id: c.id, direction: 'up' })).rules)).toEqual([c.id, a.id, b.id])
    expect(order((await ok('rules.move', { id: b.id, direction: 'down' })).rules)).toEqual([c.id, a.id, b.id])
    expect(order((await ok('plans.list', {})).rules)).toEqual([c.id, a.id, b.id])
    // The order is what the economics apply: a rule added later goes last.
    const d = await rule('/d', null)
    expect(order((await ok('plans.list', {})).rules)).toEqual([c.id, a.id, b.id, d.id])
    const missing = await call('rules.move', { id: 'nope', direction: 'up' })
    expect(missing.ok ? null : missing.error.fields).toEqual([{ field: 'id', message: 'no rule with id "nope"' }])
  })

  it('removing a plan removes the rules that name it', async () => {
    const p = await plan('Team')
    await rule('/a', p.id)
    const api = await rule('/b', null)
    expect(await ok('plans.remove', { id: p.id })).toEqual({ removed: true })
    expect(await ok('plans.list', {})).toEqual({ plans: [], rules: [api] })
  })

  it('rejects a custom plan without a fee next to the fee field', async () => {
    const o = await call('plans.add', { name: 'Mine', catalogueId: null, provider: 'claude', account: null, billing: 'monthly', startDate: '2026-11-01', endDate: null })
    expect(o.ok ? null : o.error.fields).toEqual([{ field: 'feeUsd', message: 'required for a custom plan' }])
    expect((await ok('plans.list', {})).plans).toEqual([])
  })

  it('the catalogue lists every plan with its confidence, and the registry version', async () => {
    const c = await ok('pricing.catalogue', {})
    expect(c.registryVersion).toBe(engine.reportContext().pricer.registryVersion)
    expect(c.plans.find((p) => p.id === 'claude-pro')).toMatchObject({ vendor: 'Anthropic', monthlyUsd: 20, annualUsd: 200, providers: ['claude'], confidence: 'official' })
  })
})
