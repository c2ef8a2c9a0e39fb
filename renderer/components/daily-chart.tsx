import { lazy, Suspense } from 'react'
import { PROVIDER_IDS, PROVIDER_LABELS } from '../../common/providers.ts'
import type { DailyPointView } from '../../common/snapshot.ts'
import { formatDay, formatUsd } from '../format.ts'
import { PROVIDER_COLORS } from '../provider-style.ts'
import { CHART_SIZE } from './chart-size.ts'
import type { DailyRow } from './daily-bars.tsx'

// Type-only import above; the bars (and recharts with them) arrive as a separate chunk.
const DailyBars = lazy(() => import('./daily-bars.tsx'))

/** 30 days of list-price spend, stacked by agent; hovering a day lists its breakdown. */
export function DailyChart({ daily }: { daily: DailyPointView[] }) {
  const rows: DailyRow[] = daily.map((d) => ({ date: d.date, label: formatDay(d.date, undefined), total: d.costUsd, ...d.byProvider }))
  const present = PROVIDER_IDS.filter((p) => daily.some((d) => (d.byProvider[p] ?? 0) > 0))
  const total = daily.reduce((sum, d) => sum + d.costUsd, 0)
  return (
    <section className="panel" data-testid="daily-chart" aria-label="Daily spend, last 30 days">
      <h2 className="panel-title">
        Last 30 days <span className="muted">{formatUsd(total, undefined)}</span>
      </h2>
      {/* Same size as the chart: nothing below moves when it arrives. */}
      <Suspense fallback={<div style={CHART_SIZE} aria-hidden="true" />}>
        <DailyBars rows={rows} present={present} />
      </Suspense>
      <ul className="legend">
        {present.map((p) => (
          <li key={p}>
            <span className="dot" style={{ background: PROVIDER_COLORS[p] }} />
            {PROVIDER_LABELS[p]}
          </li>
        ))}
      </ul>
    </section>
  )
}
