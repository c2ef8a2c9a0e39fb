import type { SuggestionView, UiSnapshot } from '../../common/snapshot.ts'

type SnapshotBase = Omit<UiSnapshot, 'suggestions'>

/**
 * Suggestions computed from the snapshot's own numbers. Each rule is small, independent and carries the
 * figures behind its advice, so the user can check the reasoning (and each rule has worked tests).
 */
export function suggest(s: SnapshotBase): SuggestionView[] {
  return [...planRightSizing(s), ...unpricedModels(s), ...expensiveShortRequests(s), ...lowCacheHit(s), ...staleSources(s)]
}

const usd = (n: number): string => `$${n.toFixed(2)}`

/** A plan whose last 30 days of covered usage were worth less than its fee, or many times more. */
export function planRightSizing(s: SnapshotBase): SuggestionView[] {
  const out: SuggestionView[] = []
  for (const p of s.planValues ?? []) {
    if (p.feeUsd <= 0) continue
    const figures = { valueUsd: p.valueUsd, feeUsd: p.feeUsd, multiple: p.multiple ?? 0 }
    if (p.valueUsd < 0.8 * p.feeUsd) {
      out.push({
        id: `plan-downgrade:${p.planId}`,
        severity: 'warning',
        title: `${p.name} cost more than its usage was worth`,
        detail: `In the last 30 days your ${p.name} usage was worth ${usd(p.valueUsd)} at API list prices against ${usd(p.feeUsd)} of fee. Paying per token (or a smaller plan) would have been cheaper.`,
        figures,
      })
    } else if (p.valueUsd >= 5 * p.feeUsd) {
      out.push({
        id: `plan-keep:${p.planId}`,
        severity: 'info',
        title: `${p.name} pays off ${Math.floor(p.valueUsd / p.feeUsd)}× over`,
        detail: `The last 30 days of usage were worth ${usd(p.valueUsd)} at API list prices for ${usd(p.feeUsd)} of fee. Keep it; if you hit its limits, the next tier is likely still cheaper than paying per token.`,
        figures,
      })
    }
  }
  return out
}

export function unpricedModels(s: SnapshotBase): SuggestionView[] {
  if (s.month.unpricedTokens <= 0) return []
  const unpriced = s.topModels.filter((m) => m.costUsd === null).map((m) => m.model)
  return [
    {
      id: 'unpriced-models',
      severity: 'warning',
      title: 'Some usage has no known price',
      detail: `${unpriced.join(', ') || 'Some models'} ${unpriced.length === 1 ? 'is' : 'are'} not in the pricing registry; their tokens are not in your totals. Add a price override in Preferences.`,
      figures: { unpricedTokens: s.month.unpricedTokens },
    },
  ]
}

/**
 * The model with the highest cost per request this month, when its requests are short (few output
 * tokens each) and it costs several times the month's average request: short tasks rarely need it.
 */
export function expensiveShortRequests(s: SnapshotBase): SuggestionView[] {
  const priced = s.topModels.filter((m) => m.costUsd !== null && m.requests >= 10)
  const totalReq = priced.reduce((n, m) => n + m.requests, 0)
  const totalCost = priced.reduce((n, m) => n + (m.costUsd ?? 0), 0)
  if (priced.length < 2 || totalReq === 0) return []
  const avg = totalCost / totalReq
  const worst = [...priced].sort((a, b) => (b.costUsd ?? 0) / b.requests - (a.costUsd ?? 0) / a.requests)[0]!
  const perRequest = (worst.costUsd ?? 0) / worst.requests
  const tokensPerRequest = worst.tokens / worst.requests
  if (perRequest < 3 * avg || perRequest < 0.05 || tokensPerRequest > 60_000) return []
  return [
    {
      id: `expensive-model:${worst.provider}:${worst.model}`,
      severity: 'info',
      title: `${worst.model} costs ${(perRequest / avg).toFixed(1)}× your average request`,
      detail: `This month ${worst.model} averaged ${usd(perRequest)} per request (${Math.round(tokensPerRequest).toLocaleString('en-US')} tokens) against ${usd(avg)} across your models. For quick edits and questions a smaller model is usually enough.`,
      figures: { requests: worst.requests, usdPerRequest: Math.round(perRequest * 1e4) / 1e4, averageUsdPerRequest: Math.round(avg * 1e4) / 1e4 },
    },
  ]
}

/** Under 30 % of prompt tokens from the cache, on at least 1M prompt tokens this month. */
export function lowCacheHit(s: SnapshotBase): SuggestionView[] {
  const t = s.month.tokens
  const prompt = t.input + t.cacheRead + t.cacheWrite
  if (prompt < 1_000_000) return []
  const hit = t.cacheRead / prompt
  if (hit >= 0.3) return []
  return [
    {
      id: 'low-cache-hit',
      severity: 'info',
      title: 'Low prompt-cache hit ratio this month',
      detail: `Only ${(hit * 100).toFixed(0)} % of prompt tokens came from the cache. Long-lived sessions and stable system prompts make cache reads (about a tenth of the input price) more likely.`,
      figures: { cacheHitRatio: Math.round(hit * 1000) / 1000, promptTokens: prompt, cacheReadTokens: t.cacheRead },
    },
  ]
}

/** A source that reported usage before but nothing for 14–60 days (an agent moved its logs, or was dropped). */
export function staleSources(s: SnapshotBase): SuggestionView[] {
  const dayMs = 24 * 3600_000
  const out: SuggestionView[] = []
  for (const src of s.sources) {
    // A location the user turned off is silent on purpose.
    if (!src.exists || src.enabled === false || src.lastEventAt === null || src.events === 0) continue
    const days = Math.floor((Date.parse(s.generatedAt) - Date.parse(src.lastEventAt)) / dayMs)
    if (days < 14 || days >= 60) continue
    out.push({
      id: `stale-source:${src.root}`,
      severity: 'info',
      title: 'A source stopped reporting',
      detail: `${src.root} has had no new usage for ${days} days. If the agent now writes elsewhere, add the folder in Preferences.`,
      figures: { daysSinceLastEvent: days, events: src.events },
    })
  }
  return out
}
