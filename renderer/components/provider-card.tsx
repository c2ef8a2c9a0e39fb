import type { ProviderCardView } from '../../common/snapshot.ts'
import { useNow } from '../clock.ts'
import { formatAgo, formatInteger, formatRatio, formatTokens } from '../format.ts'
import { PROVIDER_COLORS } from '../provider-style.ts'
import { useLedger } from '../store.ts'
import { CostFigure } from './cost-figure.tsx'
import { QuotaBar, liveQuotas } from './quota-bar.tsx'

/** One agent: this month's spend and tokens, today's spend, quota windows and data freshness. */
export function ProviderCard({ card }: { card: ProviderCardView }) {
  const now = useNow()
  const open = useLedger((s) => s.open)
  const p = card.provider
  const t = card.month.tokens
  const quotas = liveQuotas(card.quotas, now)
  return (
    <section className="card" data-testid={`provider-card-${p}`} aria-label={card.label}>
      <button
        type="button"
        className="card-head"
        onClick={() => open({ level: 'models', provider: p })}
        aria-label={`${card.label}: show models`}
      >
        <span className="dot" style={{ background: PROVIDER_COLORS[p] }} />
        <span className="card-title">{card.label}</span>
        <CostFigure figure={card.month} testId={`provider-${p}-month-cost`} className="card-cost" />
        <span className="chevron" aria-hidden="true">
          ›
        </span>
      </button>
      <div className="card-line muted">
        Today <CostFigure figure={card.today} testId={`provider-${p}-today-cost`} />
        {' · '}
        <span data-testid={`provider-${p}-share`}>{formatRatio(card.shareOfMonth, undefined)}</span> of month
      </div>
      <div className="card-line tokens">
        <TokenStat testId={`provider-${p}-tokens-input`} label="in" value={t.input} />
        <TokenStat testId={`provider-${p}-tokens-output`} label="out" value={t.output} />
        <TokenStat testId={`provider-${p}-tokens-cache-read`} label="cache read" value={t.cacheRead} />
        <TokenStat testId={`provider-${p}-tokens-cache-write`} label="cache write" value={t.cacheWrite} />
      </div>
      {quotas.map((q) => (
        <QuotaBar key={`${q.account}:${q.windowId}`} quota={q} now={now} />
      ))}
      <div className="card-line muted small" data-testid={`provider-${p}-freshness`}>
        {card.lastEventAt === null ? 'no events yet' : `last event ${formatAgo(now - Date.parse(card.lastEventAt), undefined)}`}
      </div>
    </section>
  )
}

function TokenStat({ testId, label, value }: { testId: string; label: string; value: number }) {
  return (
    <span className="token-stat" title={`${formatInteger(value, undefined)} ${label} tokens this month`}>
      <span className="muted">{label} </span>
      <span data-testid={testId} data-value={value}>
        {formatTokens(value, undefined)}
      </span>
    </span>
  )
}
