import { Bar, BarChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { PROVIDER_IDS, PROVIDER_LABELS, type ProviderId } from '../../common/providers.ts'
import { formatDay, formatUsd } from '../format.ts'
import { PROVIDER_COLORS } from '../provider-style.ts'
import { CHART_SIZE } from './chart-size.ts'

export type DailyRow = { date: string; label: string; total: number } & Partial<Record<ProviderId, number>>

/**
 * The stacked bars of the daily chart: the only user of recharts, its own chunk (loaded lazily by
 * daily-chart.tsx) so the popover's numbers paint before the chart library is even parsed.
 */
export default function DailyBars({ rows, present }: { rows: DailyRow[]; present: ProviderId[] }) {
  return (
    <BarChart width={CHART_SIZE.width} height={CHART_SIZE.height} data={rows} margin={{ top: 4, right: 0, bottom: 0, left: 0 }}>
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
  )
}

function DayTooltip({ active, payload }: TooltipContentProps) {
  const row: DailyRow | undefined = payload?.[0]?.payload
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
