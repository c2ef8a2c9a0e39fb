import { describe, expect, it } from 'vitest'
import { computeEconomics } from './economics.ts'
import type { AttributionRule, EconomicsRow, UserPlan } from './economics-types.ts'
import { PLAN_CATALOGUE } from './plan-catalogue.ts'
import { PROVIDER_IDS } from '../../common/providers.ts'

/**
 * March 2026 (31 days, UTC):
 * - Claude Pro ($20/mo, catalogue price) from Jan 1, cancelled after Mar 15 (upgrade), cycles on the 1st:
 *     F_pro = 20 × 15/31 = 300/31 ≈ 9.677419
 * - Claude Max 5x ($100/mo, catalogue) from Mar 16, cycles Mar 16 – Apr 15 (31 days), 16 in March:
 *     F_max = 100 × 16/31 = 1600/31 ≈ 51.612903
 * - ChatGPT Plus typed in by the user ($20/mo, custom) from Mar 1, only for the ~/.codex account:
 *     F_plus = 20 (one full cycle)
 * - A rule bills the Claude project "client-x" per token (the client's API key).
 */
const plans: UserPlan[] = [
  { id: 'pro', name: 'Claude Pro', catalogueId: 'claude-pro', provider: 'claude', account: null, billing: 'monthly', feeUsd: 20, startDate: '2026-01-01', endDate: '2026-03-15' },
  { id: 'max', name: 'Claude Max 5x', catalogueId: 'claude-max-5x', provider: 'claude', account: null, billing: 'monthly', feeUsd: 100, startDate: '2026-03-16', endDate: null },
  { id: 'plus', name: 'ChatGPT Plus', catalogueId: null, provider: 'codex', account: '~/.codex', billing: 'monthly', feeUsd: 20, startDate: '2026-03-01', endDate: null },
]
const rules: AttributionRule[] = [{ id: 'r1', provider: 'claude', account: null, project: 'client-x', from: null, until: null, billing: 'api', planId: null }]

const row = (r: Partial<EconomicsRow> & Pick<EconomicsRow, 'tsMs' | 'costUsd' | 'tokens'>): EconomicsRow => ({
  provider: 'claude',
  account: '~/.claude',
  project: 'app',
  model: 'claude-sonnet-4-5',
  ...r,
})
const d = (iso: string): number => Date.parse(`${iso}T12:00:00Z`)
const rows: EconomicsRow[] = [
  row({ tsMs: d('2026-03-05'), costUsd: 30, tokens: 10e6 }), // 0: Pro
  row({ tsMs: d('2026-03-10'), costUsd: 10, tokens: 5e6 }), // 1: Pro
  row({ tsMs: d('2026-03-20'), costUsd: 300, tokens: 20e6, model: 'claude-opus-4-6' }), // 2: Max
  row({ tsMs: d('2026-03-25'), costUsd: 100, tokens: 10e6, model: 'claude-opus-4-6' }), // 3: Max
  row({ tsMs: d('2026-03-22'), costUsd: 12, tokens: 2e6, model: 'claude-haiku-4-5', project: 'client-x' }), // 4: rule → API
  row({ tsMs: d('2026-03-12'), costUsd: 40, tokens: 8e6, provider: 'codex', account: '~/.codex', model: 'gpt-5' }), // 5: Plus
  row({ tsMs: d('2026-03-12'), costUsd: 6, tokens: 1e6, provider: 'codex', account: '~/.codex-api', model: 'gpt-5' }), // 6: other account → API
  row({ tsMs: d('2026-03-13'), costUsd: null, tokens: 1e6, provider: 'codex', account: '~/.codex', model: 'gpt-9' }), // 7: Plus, unpriced
  row({ tsMs: d('2026-02-28'), costUsd: 99, tokens: 1e6 }), // 8: outside March
]
const result = computeEconomics({ period: { since: '2026-03-01', until: '2026-03-31' }, timezone: 'UTC', rows, plans, rules })

describe('blended economics: two plans, a mid-month change, partial coverage', () => {
  it('reports value, fees, API spend and the multiple side by side', () => {
    // V = 30 + 10 + 300 + 100 + 12 + 40 + 6 = 498 (the unpriced row adds nothing; Feb 28 is outside)
    expect(result.valueUsd).toBeCloseTo(498, 9)
    // Covered V = 40 (Pro) + 400 (Max) + 40 (Plus) = 480
    expect(result.coveredValueUsd).toBeCloseTo(480, 9)
    // F = 300/31 + 1600/31 + 20 = 1900/31 + 20 ≈ 81.290323
    expect(result.planFeesUsd).toBeCloseTo(1900 / 31 + 20, 9)
    // A = 12 (client-x rule) + 6 (uncovered account) = 18
    expect(result.apiSpendUsd).toBeCloseTo(18, 9)
    // V/F = 480 / 81.290323 ≈ 5.9048
    expect(result.multiple).toBeCloseTo(480 / (1900 / 31 + 20), 9)
    // Paid = F + A = 1900/31 + 38 = 3078/31 ≈ 99.290323
    expect(result.totalCostUsd).toBeCloseTo(3078 / 31, 9)
  })

  it('allocates each plan’s fee by value: C_row = V_row × F_plan / V_plan', () => {
    const eff = result.rows.map((r) => r?.effectiveCostUsd ?? null)
    // Pro: 30 × (300/31)/40 = 225/31 ≈ 7.258; 10 × (300/31)/40 = 75/31 ≈ 2.419
    expect(eff[0]).toBeCloseTo(225 / 31, 9)
    expect(eff[1]).toBeCloseTo(75 / 31, 9)
    // Max: 300 × (1600/31)/400 = 1200/31 ≈ 38.710; 100 × (1600/31)/400 = 400/31 ≈ 12.903
    expect(eff[2]).toBeCloseTo(1200 / 31, 9)
    expect(eff[3]).toBeCloseTo(400 / 31, 9)
    // Per token: list price.
    expect(eff[4]).toBe(12)
    // Plus: 40 × 20/40 = 20; the unpriced row has no value to allocate by.
    expect(eff[5]).toBeCloseTo(20, 9)
    expect(eff[6]).toBe(6)
    expect(eff[7]).toBeNull()
    expect(result.rows[8]).toBeNull()
  })

  it('labels every row with its plan and pricing mode', () => {
    expect(result.rows.map((r) => (r === null ? null : `${r.planId ?? '-'}:${r.pricingMode}`))).toEqual([
      'pro:subscription_derived',
      'pro:subscription_derived',
      'max:subscription_derived',
      'max:subscription_derived',
      '-:token',
      'plus:subscription_manual',
      '-:token',
      'plus:subscription_manual',
      null,
    ])
  })

  it('reports each plan', () => {
    expect(result.plans.map((p) => [p.planId, p.activeDays, p.valueUsd, p.tokens, p.unpricedTokens])).toEqual([
      ['pro', 15, 40, 15e6, 0],
      ['max', 16, 400, 30e6, 0],
      ['plus', 31, 40, 9e6, 1e6],
    ])
    const max = result.plans[1]!
    // 400 / (1600/31) = 7.75×; 1e6 × (1600/31) / 30e6 = 160/93 ≈ 1.7204 $/Mtok
    expect(max.multiple).toBeCloseTo(7.75, 9)
    expect(max.effectiveUsdPerMtok).toBeCloseTo(160 / 93, 9)
  })

  it('blends $/Mtok per model, per provider and globally', () => {
    const model = (m: string) => result.models.find((x) => x.model === m)
    // Sonnet (rows 0-1): (225/31 + 75/31) / 15 Mtok = (300/31)/15 = 20/31 ≈ 0.6452 $/Mtok
    expect(model('claude-sonnet-4-5')?.effectiveUsdPerMtok).toBeCloseTo(20 / 31, 9)
    expect(model('claude-sonnet-4-5')?.costUsd).toBe(40)
    // gpt-5 mixes covered (20 for 8 Mtok) and per-token (6 for 1 Mtok): 26 / 9 ≈ 2.8889 $/Mtok
    expect(model('gpt-5')?.effectiveUsdPerMtok).toBeCloseTo(26 / 9, 9)
    expect(model('gpt-5')?.pricingModes).toEqual(['subscription_manual', 'token'])
    expect(model('gpt-9')?.effectiveUsdPerMtok).toBeNull()
    const claude = result.providers.find((p) => p.provider === 'claude')!
    // Claude: (12 + 1900/31) / 47 Mtok = (2272/31) / 47 ≈ 1.5594 $/Mtok
    expect(claude.costUsd).toBeCloseTo(2272 / 31, 9)
    expect(claude.blendedProviderUsdPerMtok).toBeCloseTo(2272 / 31 / 47, 9)
    const codex = result.providers.find((p) => p.provider === 'codex')!
    // Codex: (6 + 20) / (8 + 1 covered-unpriced + 1 per-token) Mtok = 2.6 $/Mtok
    expect(codex.blendedProviderUsdPerMtok).toBeCloseTo(2.6, 9)
    // Global: (3078/31) / 57 Mtok = 54/31 ≈ 1.7419 $/Mtok
    expect(result.tokens).toBe(57e6)
    expect(result.blendedGlobalUsdPerMtok).toBeCloseTo(54 / 31, 9)
  })

  it('charges an idle plan’s fee with no $/Mtok', () => {
    const idle = computeEconomics({ period: { since: '2026-03-01', until: '2026-03-31' }, timezone: 'UTC', rows: [], plans: [plans[2]!], rules: [] })
    expect(idle.providers).toEqual([
      { provider: 'codex', tokens: 0, valueUsd: 0, planFeesUsd: 20, apiSpendUsd: 0, costUsd: 20, blendedProviderUsdPerMtok: null, unpricedApiTokens: 0, pricingModes: ['subscription_manual'] },
    ])
    expect(idle.plans[0]?.multiple).toBe(0)
  })

  it('decides the day in the user’s time zone', () => {
    // 2026-03-31T23:30Z is already April 1 in Berlin: outside March there.
    const late = [row({ tsMs: Date.parse('2026-03-31T23:30:00Z'), costUsd: 5, tokens: 1e6 })]
    const input = { period: { since: '2026-03-01', until: '2026-03-31' }, rows: late, plans: [], rules: [] }
    expect(computeEconomics({ ...input, timezone: 'UTC' }).apiSpendUsd).toBe(5)
    expect(computeEconomics({ ...input, timezone: 'Europe/Berlin' }).apiSpendUsd).toBe(0)
  })
})

describe('PLAN_CATALOGUE', () => {
  it.each([
    ['claude-pro', 20], ['claude-max-5x', 100], ['claude-max-20x', 200], ['chatgpt-plus', 20], ['chatgpt-pro-20x', 200],
    ['cursor-pro', 20], ['cursor-pro-plus', 60], ['cursor-ultra', 200], ['factory-pro', 20], ['factory-pro-plus', 100],
    ['factory-max', 200], ['google-ai-pro', 19.99], ['google-ai-ultra', 99.99], ['copilot-pro', 10], ['copilot-pro-plus', 39],
  ])('lists %s at $%d/month', (id, usd) => {
    expect(PLAN_CATALOGUE.find((p) => p.id === id)?.monthlyUsd).toBe(usd)
  })

  it('names only known agents', () => {
    expect(PLAN_CATALOGUE.flatMap((p) => p.providers).filter((p) => !(PROVIDER_IDS as readonly string[]).includes(p))).toEqual([])
  })
})
