import type { QuotaWindowView } from '../../common/snapshot.ts'
import { formatCountdown, formatUsedPercent } from '../format.ts'

interface Props {
  quota: QuotaWindowView
  now: number
}

/** One quota window: used share as a bar, and a live countdown to its reset. */
export function QuotaBar({ quota, now }: Props) {
  const used = Math.min(100, Math.max(0, quota.usedPercent))
  const level = used >= 90 ? 'high' : used >= 70 ? 'mid' : 'low'
  const testId = `quota-${quota.provider}-${quota.windowId}`
  return (
    <div className="quota" data-testid={testId}>
      <div className="quota-head">
        <span className="quota-label" title={quota.kind === 'estimate' ? 'Computed locally from your logs, not reported by the agent' : undefined}>
          {quota.label}
          {/* The engine's label may already say so ("5h block (estimate)"). */}
          {quota.kind === 'estimate' && !/estimate/i.test(quota.label) && (
            <span className="badge" title="Computed locally from your logs, not reported by the agent">
              estimate
            </span>
          )}
        </span>
        <span className="quota-figures">
          <span data-testid={`${testId}-used`}>{formatUsedPercent(quota.usedPercent, undefined)}</span>
          {quota.resetsAt !== null && (
            <span className="muted">
              {' · resets in '}
              <span data-testid={`${testId}-countdown`}>{formatCountdown(Date.parse(quota.resetsAt) - now)}</span>
            </span>
          )}
        </span>
      </div>
      <div
        className={`bar bar-${level}`}
        role="progressbar"
        aria-label={`${quota.label} used`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(used)}
      >
        <div className="bar-fill" style={{ width: `${used}%` }} />
      </div>
    </div>
  )
}

/** Windows whose reset has passed describe a period that is over: they are not shown at all. */
export function liveQuotas(quotas: readonly QuotaWindowView[], now: number): QuotaWindowView[] {
  return quotas.filter((q) => q.resetsAt === null || Date.parse(q.resetsAt) > now)
}
