import { PROVIDER_IDS, PROVIDER_LABELS, type ProviderId } from '../../common/providers.ts'

/**
 * The agent picker every preferences form uses. With `anyLabel`, a first option (value '') stands for
 * "no particular agent" (all agents, any agent, or "choose…").
 */
export function ProviderSelect<V extends ProviderId | ''>({ testId, value, onChange, anyLabel }: { testId: string; value: V; onChange: (value: V) => void; anyLabel?: string }) {
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as V)}>
      {anyLabel !== undefined && <option value="">{anyLabel}</option>}
      {PROVIDER_IDS.map((p) => (
        <option key={p} value={p}>
          {PROVIDER_LABELS[p]}
        </option>
      ))}
    </select>
  )
}
