import { RANGE_KINDS, RANGE_LABELS } from '../ranges.ts'
import { useLedger } from '../store.ts'

/** Today / 7 days / 30 days / this month, shared by every drilldown screen. */
export function RangeSwitch() {
  const range = useLedger((s) => s.range)
  const setRange = useLedger((s) => s.setRange)
  return (
    <div className="segmented" role="group" aria-label="Range">
      {RANGE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          aria-pressed={range === kind}
          data-testid={`range-${kind}`}
          onClick={() => setRange(kind)}
        >
          {RANGE_LABELS[kind]}
        </button>
      ))}
    </div>
  )
}
