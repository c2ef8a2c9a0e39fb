import type { PeriodFigure, QuotaWindowView, UiSnapshot } from '../common/snapshot.ts'

/** Test helper: a period with only the money fields that the shell reads. */
export function period(costUsd: number, unpricedTokens = 0): PeriodFigure {
  return {
    costUsd,
    effectiveCostUsd: costUsd,
    tokens: { input: 0, output: 0, cacheWrite: 0, cacheRead: 0, reasoning: 0 },
    requests: 0,
    unpricedTokens,
  }
}

/** Test helper: a quota window; `resetsAt` is an ISO instant or null. */
export function quota(fields: Partial<QuotaWindowView> & Pick<QuotaWindowView, 'provider' | 'label' | 'usedPercent'>): QuotaWindowView {
  return {
    account: 'default',
    windowId: fields.label,
    windowMinutes: 300,
    resetsAt: null,
    kind: 'reported',
    observedAt: '2026-03-14T09:00:00.000Z',
    ...fields,
  }
}

/** Test helper: a complete snapshot with zero usage, overridable field by field. */
export function makeSnapshot(overrides: Partial<UiSnapshot> = {}): UiSnapshot {
  return {
    schemaVersion: 1,
    generatedAt: '2026-03-14T10:00:00.000Z',
    timezone: 'UTC',
    currency: 'USD',
    engineState: 'ready',
    error: null,
    today: period(0),
    week: period(0),
    month: period(0),
    projectedMonthUsd: null,
    blendedUsdPerMtok: null,
    valueVsPaid: null,
    providers: [],
    topModels: [],
    quotas: [],
    daily: [],
    suggestions: [],
    sources: [],
    empty: false,
    ...overrides,
  }
}
