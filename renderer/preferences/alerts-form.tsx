import { useState, type FormEvent } from 'react'
import type { AlertSettings } from '../../common/settings.ts'
import { ALERT_FIELDS, alertsDraftOf, parseAlerts, placeErrors, type AlertsDraft } from './budget-drafts.ts'
import type { FieldErrors } from './field-errors.ts'
import { FormField, FormFooter } from './form-field.tsx'
import type { useSettings } from './use-settings.ts'

/** The error key each draft field's messages arrive under. */
const ERROR_KEYS: Record<keyof AlertsDraft, string> = {
  thresholds: 'alerts.budgetThresholds',
  projectedOverrun: 'alerts.projectedOverrun',
  quotaOn: 'alerts.quotaPercent',
  quotaPercent: 'alerts.quotaPercent',
  notifications: 'alerts.notifications',
}

/** Preferences → Budgets → Notifications: budget levels, month-end overrun, quota windows, master switch. */
export function AlertsForm({ alerts, update }: { alerts: AlertSettings; update: ReturnType<typeof useSettings>['update'] }) {
  const [draft, setDraft] = useState<AlertsDraft>(() => alertsDraftOf(alerts))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof AlertsDraft>(key: K, value: AlertsDraft[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((es) => Object.fromEntries(Object.entries(es).filter(([k]) => k !== ERROR_KEYS[key])))
    setSaved(false)
  }
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const parsed = parseAlerts(draft)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setBusy(true)
    const result = await update({ alerts: parsed.value })
    setBusy(false)
    setErrors(result === null ? {} : placeErrors(result, (k) => ALERT_FIELDS.has(k)))
    setSaved(result === null)
  }
  return (
    <form className="panel" onSubmit={(e) => void onSubmit(e)} data-testid="alerts-form" noValidate>
      <h2>Notifications</h2>
      <p className="muted small">Each alert fires once per period (once per window for quotas), also across restarts.</p>
      <div className="form-grid">
        <FormField label="Show notifications" name="alerts.notifications" error={errors['alerts.notifications']} hint="Off: budgets still show in the popover.">
          <input type="checkbox" data-testid="alerts-notifications" checked={draft.notifications} onChange={(e) => set('notifications', e.target.checked)} />
        </FormField>
        <FormField label="Budget levels (%)" name="alerts.budgetThresholds" error={errors['alerts.budgetThresholds']} hint="Comma list; empty for none.">
          <input data-testid="alerts-thresholds" placeholder="50, 80, 100" value={draft.thresholds} onChange={(e) => set('thresholds', e.target.value)} />
        </FormField>
        <FormField label="Month-end overrun" name="alerts.projectedOverrun" error={errors['alerts.projectedOverrun']} hint="When this month’s pace would exceed a monthly budget.">
          <input type="checkbox" data-testid="alerts-projectedOverrun" checked={draft.projectedOverrun} onChange={(e) => set('projectedOverrun', e.target.checked)} />
        </FormField>
        <FormField label="Quota window warning" name="alerts.quotaPercent" error={errors['alerts.quotaPercent']} hint="When an agent reports a window this full.">
          <span className="inline-controls">
            <input type="checkbox" aria-label="Warn about quota windows" data-testid="alerts-quotaOn" checked={draft.quotaOn} onChange={(e) => set('quotaOn', e.target.checked)} />
            <input
              data-testid="alerts-quotaPercent"
              aria-label="Quota percent"
              inputMode="numeric"
              disabled={!draft.quotaOn}
              value={draft.quotaPercent}
              onChange={(e) => set('quotaPercent', e.target.value)}
            />
            %
          </span>
        </FormField>
      </div>
      <FormFooter error={errors['']} ok={saved ? 'Saved.' : undefined} busy={busy} label="Save notifications" testId="alerts-save" />
    </form>
  )
}
