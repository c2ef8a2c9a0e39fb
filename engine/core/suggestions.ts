import type { SuggestionView, UiSnapshot } from '../../common/snapshot.ts'

/**
 * Suggestions computed from the snapshot's own numbers, each carrying the figures behind it.
 * Rules are kept small and independent so each can be unit-tested with worked numbers.
 */
export function suggest(s: Omit<UiSnapshot, 'suggestions'>): SuggestionView[] {
  const out: SuggestionView[] = []
  if (s.month.unpricedTokens > 0) {
    const unpriced = s.topModels.filter((m) => m.costUsd === null).map((m) => m.model)
    out.push({
      id: 'unpriced-models',
      severity: 'warning',
      title: 'Some usage has no known price',
      detail: `${unpriced.join(', ') || 'Some models'} ${unpriced.length === 1 ? 'is' : 'are'} not in the pricing registry; their tokens are not in your totals. Add a price override in Preferences.`,
      figures: { unpricedTokens: s.month.unpricedTokens },
    })
  }
  const t = s.month.tokens
  const prompt = t.input + t.cacheRead + t.cacheWrite
  if (prompt >= 1_000_000) {
    const hit = t.cacheRead / prompt
    if (hit < 0.3) {
      out.push({
        id: 'low-cache-hit',
        severity: 'info',
        title: 'Low prompt-cache hit ratio this month',
        detail: `Only ${(hit * 100).toFixed(0)} % of prompt tokens came from the cache. Long-lived sessions and stable system prompts make cache reads (about a tenth of the input price) more likely.`,
        figures: { cacheHitRatio: Math.round(hit * 1000) / 1000, promptTokens: prompt, cacheReadTokens: t.cacheRead },
      })
    }
  }
  const dayMs = 24 * 3600_000
  for (const src of s.sources) {
    if (!src.exists || src.lastEventAt === null) continue
    const age = Date.parse(s.generatedAt) - Date.parse(src.lastEventAt)
    if (src.events > 0 && age > 14 * dayMs && age < 60 * dayMs) {
      out.push({
        id: `stale-source:${src.root}`,
        severity: 'info',
        title: 'A source stopped reporting',
        detail: `${src.root} has had no new usage for ${Math.floor(age / dayMs)} days.`,
        figures: { daysSinceLastEvent: Math.floor(age / dayMs), events: src.events },
      })
    }
  }
  return out
}
