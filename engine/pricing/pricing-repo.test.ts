import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { sql } from '../store/migrations/0002-pricing.ts'
import { createPricer } from './pricer.ts'
import { addOverride, addPlan, addRule, listOverrides, listPlans, listRules, removeOverride, removePlan, removeRule } from './pricing-repo.ts'

let db: Database.Database
beforeEach(() => {
  db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  db.exec(sql)
})

describe('price overrides', () => {
  it('round-trips an override the pricer then applies', () => {
    const o = addOverride(db, { model: 'anthropic/claude-sonnet-4-5', prices: { input: 2.5, cacheWrite1h: 5 }, effectiveFrom: '2026-01-01' })
    expect(listOverrides(db)).toEqual([
      { id: o.id, provider: null, model: 'anthropic/claude-sonnet-4-5', prices: { input: 2.5, cacheWrite1h: 5 }, effectiveFrom: '2026-01-01', effectiveUntil: null },
    ])
    const t = { input: 1_000_000, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 }
    // 1,000,000 × $2.50 (user) instead of $3
    expect(createPricer(listOverrides(db)).cost('claude', 'claude-sonnet-4-5-20250929', Date.parse('2026-02-01'), t, 0)).toBeCloseTo(2.5, 12)
    expect(removeOverride(db, o.id)).toBe(true)
    expect(listOverrides(db)).toEqual([])
  })

  it('accepts an unknown model when it gives input and output prices', () => {
    expect(addOverride(db, { provider: 'opencode', model: 'gpt-9', prices: { input: 1, output: 4 } }).model).toBe('gpt-9')
  })

  it.each([
    [{ model: 'gpt-5', prices: { input: -1 } }, 'prices.input: a price cannot be negative'],
    [{ model: 'gpt-5', prices: {} }, 'prices: give at least one price'],
    [{ model: 'gpt-5', prices: { input: 1 }, effectiveFrom: '2026-03-01', effectiveUntil: '2026-02-01' }, 'effectiveUntil: 2026-02-01 is before effectiveFrom 2026-03-01'],
    [{ model: 'gpt-5', prices: { input: 1 }, effectiveFrom: '2026-02-30' }, 'effectiveFrom: not a real calendar date'],
    [{ model: 'gpt-9', prices: { input: 1 } }, 'model: unknown model "gpt-9"'],
    [{ model: 'gpt-5', provider: 'copilot', prices: { input: 1 } }, 'provider:'],
    [{ model: '', prices: { input: 1 } }, 'model: must not be empty'],
  ])('rejects %j with a message naming the field', (input, message) => {
    expect(() => addOverride(db, input)).toThrow(message)
    expect(listOverrides(db)).toEqual([])
  })
})

describe('user plans', () => {
  it('fills name, provider and fee from the catalogue', () => {
    const p = addPlan(db, { catalogueId: 'claude-max-5x', startDate: '2026-03-16' })
    expect(listPlans(db)).toEqual([
      { id: p.id, name: 'Claude Max 5x', catalogueId: 'claude-max-5x', provider: 'claude', account: null, billing: 'monthly', feeUsd: 100, startDate: '2026-03-16', endDate: null },
    ])
  })

  it('takes the annual catalogue price for annual billing', () => {
    expect(addPlan(db, { catalogueId: 'claude-pro', billing: 'annual', startDate: '2026-01-01' }).feeUsd).toBe(200)
  })

  it.each([
    [{ catalogueId: 'claude-pro', startDate: '2026-03-01', endDate: '2026-02-01' }, 'endDate: 2026-02-01 is before startDate 2026-03-01'],
    [{ catalogueId: 'claude-pro', startDate: '2026-03-01', feeUsd: -20 }, 'feeUsd: a fee cannot be negative'],
    [{ catalogueId: 'claude-ultra', startDate: '2026-03-01' }, 'catalogueId: unknown plan "claude-ultra"'],
    [{ catalogueId: 'claude-max-5x', billing: 'annual', startDate: '2026-03-01' }, 'feeUsd: plan claude-max-5x has no known annual price'],
    [{ name: 'Team seat', startDate: '2026-03-01' }, 'provider: required for a custom plan; feeUsd: required for a custom plan'],
    [{ catalogueId: 'claude-pro' }, 'startDate:'],
  ])('rejects %j', (input, message) => {
    expect(() => addPlan(db, input)).toThrow(message)
  })

  it('removes a plan together with the rules that name it', () => {
    const p = addPlan(db, { catalogueId: 'chatgpt-plus', startDate: '2026-03-01' })
    addRule(db, { billing: 'plan', planId: p.id, account: '~/.codex' })
    expect(removePlan(db, p.id)).toBe(true)
    expect(listRules(db)).toEqual([])
  })
})

describe('attribution rules', () => {
  it('keeps rules in the order they were added', () => {
    const a = addRule(db, { billing: 'api', project: 'client-x' })
    const b = addRule(db, { billing: 'plan', provider: 'claude', from: '2026-01-01', until: '2026-06-30' })
    expect(listRules(db).map((r) => r.id)).toEqual([a.id, b.id])
    expect(listRules(db)[1]).toEqual({ id: b.id, provider: 'claude', account: null, project: null, from: '2026-01-01', until: '2026-06-30', billing: 'plan', planId: null })
    expect(removeRule(db, a.id)).toBe(true)
    expect(listRules(db).map((r) => r.id)).toEqual([b.id])
  })

  it.each([
    [{ billing: 'plan', planId: 'nope' }, 'planId: no plan with id "nope"'],
    [{ billing: 'api', planId: 'x' }, 'planId: a rule billing per token cannot name a plan'],
    [{ billing: 'api', from: '2026-05-01', until: '2026-04-01' }, 'until: 2026-04-01 is before from 2026-05-01'],
    [{ billing: 'sometimes' }, 'billing:'],
    [{ billing: 'api', colour: 'red' }, 'colour: Unrecognized key'],
  ])('rejects %j', (input, message) => {
    expect(() => addRule(db, input)).toThrow(message)
  })
})
