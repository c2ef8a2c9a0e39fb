import { RANGE_KINDS, RANGE_LABELS, rangeFor } from '../ranges.ts'
import { useLedger } from '../store.ts'

/** Today / 7 days / 30 days / this month / custom dates, shared by every drilldown screen. */
export function RangeSwitch({ today }: { today: string }) {
  const range = useLedger((s) => s.range)
  const customRange = useLedger((s) => s.customRange)
  const setRange = useLedger((s) => s.setRange)
  const setCustomRange = useLedger((s) => s.setCustomRange)
  const custom = rangeFor('custom', today, customRange ?? undefined)
  return (
    <>
      <div className="segmented" role="group" aria-label="Range">
        {RANGE_KINDS.map((kind) => (
          <button key={kind} type="button" aria-pressed={range === kind} data-testid={`range-${kind}`} onClick={() => setRange(kind)}>
            {RANGE_LABELS[kind]}
          </button>
        ))}
      </div>
      {range === 'custom' && (
        <div className="custom-range" role="group" aria-label="Custom dates">
          <label>
            From{' '}
            <input type="date" data-testid="range-since" value={custom.since} max={today} onChange={(e) => e.target.value && setCustomRange({ since: e.target.value, until: custom.until })} />
          </label>
          <label>
            to{' '}
            <input type="date" data-testid="range-until" value={custom.until} max={today} onChange={(e) => e.target.value && setCustomRange({ since: custom.since, until: e.target.value })} />
          </label>
        </div>
      )}
    </>
  )
}
