import { describe, expect, it } from 'vitest'
import type { ModelShareView, PlanValueView, SourceHealthView, UiSnapshot } from '../../common/snapshot.ts'
import { expensiveShortRequests, lowCacheHit, planRightSizing, staleSources, suggest, unpricedModels } from './suggest.ts'

type Base = Omit<UiSnapshot, 'suggestions'>
const zeroFigure = { costUsd: 0, effectiveCostUsd: 0, tokens: { input: 0, output: 0, cacheWrite: 0, cacheRead: 0, reasoning: 0 }, requests: 0, unpricedTokens: 0 }

function base(over: Partial<Base> = {}): Base {
  return {
    schemaVersion: 1, generatedAt: '2026-11-23T12:00:00.000Z', timezone: 'UTC', currency: 'USD', engineState: 'ready', error: null,
    today: zeroFigure, week: zeroFigure, month: zeroFigure, projectedMonthUsd: null, blendedUsdPerMtok: null, valueVsPaid: null,
    providers: [], topModels: [], quotas: [], daily: [], sources: [], empty: false, planValues: [], ...over,
  }
}

const plan = (over: Partial<PlanValueView>): PlanValueView => ({ planId: 'p1', name: 'Claude Max 5x', provider: 'claude', feeUsd: 100, valueUsd: 0, multiple: null, tokens: 1, ...over })
const model = (over: Partial<ModelShareView>): ModelShareView => ({ provider: 'claude', model: 'm', costUsd: 0, tokens: 0, requests: 0, ...over })

describe('plan right-sizing', () => {
  it('warns when 30 days of usage were worth less than 80 % of the fee ($62.50 < $80 of a $100 fee)', () => {
    const [s] = planRightSizing(base({ planValues: [plan({ valueUsd: 62.5, multiple: 0.63 })] }))
    expect(s).toMatchObject({ id: 'plan-downgrade:p1', severity: 'warning', figures: { valueUsd: 62.5, feeUsd: 100, multiple: 0.63 } })
    expect(s!.detail).toContain('worth $62.50 at API list prices against $100.00 of fee')
  })

  it('says a plan pays off when usage is worth 5× the fee or more ($740 for $100 → 7×)', () => {
    const [s] = planRightSizing(base({ planValues: [plan({ valueUsd: 740, multiple: 7.4 })] }))
    expect(s).toMatchObject({ id: 'plan-keep:p1', title: 'Claude Max 5x pays off 7× over' })
  })

  it('stays quiet between 80 % and 5× ($250 for $100)', () => {
    expect(planRightSizing(base({ planValues: [plan({ valueUsd: 250, multiple: 2.5 })] }))).toEqual([])
  })
})

describe('expensive short requests', () => {
  it('flags the model whose requests cost ≥ 3× the average: opus $30/40 req = $0.75 vs ($30+$6)/(40+160) = $0.18', () => {
    const topModels = [model({ model: 'claude-opus-4-1', costUsd: 30, requests: 40, tokens: 40 * 20_000 }), model({ model: 'claude-sonnet-4-5', costUsd: 6, requests: 160, tokens: 160 * 20_000 })]
    const [s] = expensiveShortRequests(base({ topModels }))
    expect(s).toMatchObject({ title: 'claude-opus-4-1 costs 4.2× your average request', figures: { requests: 40, usdPerRequest: 0.75, averageUsdPerRequest: 0.18 } })
  })

  it('ignores long-context work (over 60k tokens a request), where a big model is expected', () => {
    const topModels = [model({ model: 'o', costUsd: 30, requests: 40, tokens: 40 * 90_000 }), model({ model: 's', costUsd: 6, requests: 160, tokens: 160 * 20_000 })]
    expect(expensiveShortRequests(base({ topModels }))).toEqual([])
  })
})

describe('cache, unpriced and stale sources', () => {
  it('flags a 20 % cache hit ratio on 2M prompt tokens (400k read of 2M)', () => {
    const month = { ...zeroFigure, tokens: { input: 1_400_000, output: 0, cacheWrite: 200_000, cacheRead: 400_000, reasoning: 0 } }
    expect(lowCacheHit(base({ month }))[0]?.figures).toEqual({ cacheHitRatio: 0.2, promptTokens: 2_000_000, cacheReadTokens: 400_000 })
  })

  it('lists unpriced models with their token count', () => {
    const s = unpricedModels(base({ month: { ...zeroFigure, unpricedTokens: 89_538 }, topModels: [model({ model: 'claude-nimbus-9', costUsd: null })] }))
    expect(s[0]).toMatchObject({ figures: { unpricedTokens: 89_538 } })
    expect(s[0]!.detail).toContain('claude-nimbus-9 is not in the pricing registry')
  })

  it('notices a source silent for 20 days, not one silent for 90', () => {
    const src = (last: string): SourceHealthView => ({ provider: 'codex', root: `/h/${last}`, exists: true, files: 3, events: 12, lastEventAt: last, skipped: {}, errors: [] })
    const s = staleSources(base({ sources: [src('2026-11-03T12:00:00.000Z'), src('2026-08-25T12:00:00.000Z')] }))
    expect(s.map((x) => x.figures.daysSinceLastEvent)).toEqual([20])
  })

  it('gives nothing for a quiet, healthy month', () => {
    expect(suggest(base())).toEqual([])
  })
})
