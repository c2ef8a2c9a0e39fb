import { Bar, BarChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { PROVIDER_IDS, PROVIDER_LABELS, type ProviderId } from '../../common/providers.ts'
import type { DailyPointView } from '../../common/snapshot.ts'
import { formatDay, formatUsd } from '../format.ts'
import { PROVIDER_COLORS } from '../provider-style.ts'

type Row = { date: string; label: string; total: number } & Partial<Record<ProviderId, number>>

/** 30 days of list-price spend, stacked by agent; hovering a day lists its breakdown. */
export function DailyChart({ daily }: { daily: DailyPointView[] }) {
  const rows: Row[] = daily.map((d) => ({ date: d.date, label: formatDay(d.date, undefined), total: d.costUsd, ...d.byProvider }))
  const present = PROVIDER_IDS.filter((p) => daily.some((d) => (d.byProvider[p] ?? 0) > 0))
  const total = daily.reduce((sum, d) => sum + d.costUsd, 0)
  return (
    <section className="panel" data-testid="daily-chart" aria-label="Daily spend, last 30 days">
      <h2 className="panel-title">
        Last 30 days <span className="muted">{formatUsd(total, undefined)}</span>
      </h2>
      <BarChart width={348} height={120} data={rows} margin={{ top: 4, right: 0, bottom: 0, left: 0 }}>
        <XAxis dataKey="label" tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={40} tick={{ fontSize: 10 }} />
        <YAxis
          width={40}
          tickLine={false}
          axisLine={false}
          tick={{ fontSize: 10 }}
          tickCount={3}
          tickFormatter={(v: number) => formatUsd(v, undefined)}
        />
        <Tooltip content={DayTooltip} cursor={{ fillOpacity: 0.1 }} isAnimationActive={false} />
        {present.map((p) => (
          <Bar key={p} dataKey={p} name={PROVIDER_LABELS[p]} stackId="cost" fill={PROVIDER_COLORS[p]} isAnimationActive={false} />
        ))}
      </BarChart>
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

function DayTooltip({ active, payload }: TooltipContentProps) {
  const row: Row | undefined = payload?.[0]?.payload
  if (!active || row === undefined) return null
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <div className="tooltip-title">
        {formatDay(row.date, undefined)} · {formatUsd(row.total, undefined)}
      </div>
      {PROVIDER_IDS.filter((p) => row[p] !== undefined).map((p) => (
        <div key={p} className="tooltip-line">
          <span className="dot" style={{ background: PROVIDER_COLORS[p] }} />
          {PROVIDER_LABELS[p]} <span className="tooltip-value">{formatUsd(row[p] ?? 0, undefined)}</span>
        </div>
      ))}
    </div>
  )
}
