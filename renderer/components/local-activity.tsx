import { PROVIDER_LABELS } from '../../common/providers.ts'
import type { LocalActivityView } from '../../common/snapshot.ts'
import { formatInteger } from '../format.ts'

/**
 * What an agent records locally that is NOT billed usage (Cursor's conversations and turns). Kept apart
 * from every cost and token figure, and labelled so.
 */
export function LocalActivity({ activity }: { activity: LocalActivityView[] | undefined }) {
  if (activity === undefined || activity.length === 0) return null
  return (
    <section className="panel" data-testid="local-activity" aria-label="Local activity, not billed">
      <h2 className="panel-title">Local activity · not billed usage</h2>
      <ul className="rows">
        {activity.map((a) => (
          <li key={a.source} className="muted small" data-testid={`local-activity-${a.provider}`}>
            {PROVIDER_LABELS[a.provider]}, last 30 days: {formatInteger(a.conversations, undefined)} conversations ·{' '}
            {formatInteger(a.userTurns + a.assistantTurns, undefined)} turns
            {a.models[0] !== undefined && <> · mostly {a.models[0].model}</>}
          </li>
        ))}
      </ul>
    </section>
  )
}
