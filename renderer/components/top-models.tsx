import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { ModelShareView } from '../../common/snapshot.ts'
import { formatCostOrUnpriced, formatInteger, formatTokens } from '../format.ts'
import { PROVIDER_COLORS } from '../provider-style.ts'

/**
 * The models that cost the most this month, plus every unpriced one (it has no cost to rank by, and
 * hiding it would hide tokens missing from the totals); unpriced ones say so instead of showing $0.
 */
export function TopModels({ models }: { models: ModelShareView[] }) {
  if (models.length === 0) return null
  const shown = [...models.filter((m) => m.costUsd !== null).slice(0, 5), ...models.filter((m) => m.costUsd === null)]
  return (
    <section className="panel" data-testid="top-models" aria-label="Top models this month">
      <h2 className="panel-title">Top models</h2>
      <ol className="rows">
        {shown.map((m) => (
          <li key={`${m.provider}:${m.model}`} className="row-line" data-testid="top-model">
            <span className="dot" style={{ background: PROVIDER_COLORS[m.provider] }} title={PROVIDER_LABELS[m.provider]} />
            <span className="row-label" title={m.model}>
              {m.model}
            </span>
            <span className="muted small" title={`${formatInteger(m.tokens, undefined)} tokens, ${formatInteger(m.requests, undefined)} requests`}>
              {formatTokens(m.tokens, undefined)} tok
            </span>
            <span className={m.costUsd === null ? 'row-cost unpriced' : 'row-cost'}>
              {m.costUsd === null ? 'unpriced' : formatCostOrUnpriced(m.costUsd, m.tokens, undefined)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}
