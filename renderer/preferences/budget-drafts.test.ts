import { describe, expect, it } from 'vitest'
import { ALERT_FIELDS, alertsDraftOf, draftsOf, isBudgetField, newDraft, parseAlerts, parseBudgets, placeErrors } from './budget-drafts.ts'

describe('budget form drafts', () => {
  it('sends saved rows with their ids and new rows without, amounts as numbers', () => {
    const drafts = [...draftsOf([{ id: 'b1', period: 'month', provider: null, amountUsd: 400 }]), { ...newDraft([]), amount: '$1,250.50' }]
    expect(parseBudgets(drafts)).toEqual({
      ok: true,
      value: [
        { id: 'b1', period: 'month', provider: null, amountUsd: 400 },
        { period: 'day', provider: null, amountUsd: 1250.5 },
      ],
    })
  })

  it('names the row of an amount that is no number; zero and negatives go to the engine to judge', () => {
    const rows = [{ ...newDraft([]), amount: '0' }, { ...newDraft([]), amount: 'twenty' }, { ...newDraft([]), amount: '-5' }]
    expect(parseBudgets(rows)).toEqual({ ok: false, errors: { 'budgets.1.amountUsd': 'enter an amount in US dollars, e.g. 20' } })
  })

  it('offers a free period for a new row', () => {
    const first = newDraft([])
    expect(first).toMatchObject({ period: 'day', provider: '' })
    expect(newDraft([first])).toMatchObject({ period: 'week', provider: '' })
  })

  it('reads levels as a comma list and quota warnings as a percent or off', () => {
    const draft = { ...alertsDraftOf({ budgetThresholds: [50, 80, 100], projectedOverrun: true, quotaPercent: null, notifications: true }), thresholds: '100, 50;75%' }
    expect(draft.quotaOn).toBe(false)
    expect(parseAlerts(draft)).toEqual({ ok: true, value: { budgetThresholds: [50, 75, 100], projectedOverrun: true, quotaPercent: null, notifications: true } })
    expect(parseAlerts({ ...draft, thresholds: '', quotaOn: true, quotaPercent: '85' })).toMatchObject({ ok: true, value: { budgetThresholds: [], quotaPercent: 85 } })
    expect(parseAlerts({ ...draft, thresholds: '50, lots', quotaOn: true, quotaPercent: '' })).toEqual({
      ok: false,
      errors: { 'alerts.budgetThresholds': 'percentages separated by commas, e.g. 50, 80, 100', 'alerts.quotaPercent': 'a percentage from 1 to 100' },
    })
  })

  it('places engine errors next to their row or field, the rest above the buttons', () => {
    const fromEngine = { 'budgets.1.amountUsd': 'a budget must be more than 0', 'budgets.2.period': 'there is already a day budget', budgets: 'too many' }
    expect(placeErrors(fromEngine, isBudgetField(3))).toEqual({ 'budgets.1.amountUsd': 'a budget must be more than 0', 'budgets.2.period': 'there is already a day budget', '': 'budgets: too many' })
    expect(placeErrors({ 'alerts.budgetThresholds.1': 'at most 500%', 'alerts.quotaPercent': 'too big' }, (k) => ALERT_FIELDS.has(k))).toEqual({
      'alerts.budgetThresholds': 'at most 500%',
      'alerts.quotaPercent': 'too big',
    })
  })
})
