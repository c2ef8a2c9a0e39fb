import { useState, type FormEvent } from 'react'
import type { SettingsView } from '../../common/methods/settings-methods.ts'
import { TRAY_METRICS, type TrayMetric } from '../../common/settings-defaults.ts'
import type { DisplaySettings } from '../../common/settings.ts'
import type { FieldErrors } from './field-errors.ts'
import { FormField, FormMessage } from './form-field.tsx'
import { useSettings } from './use-settings.ts'

const METRIC_LABELS: Record<TrayMetric, string> = {
  today: 'Today’s spend',
  month: 'Month to date',
  blended: 'Blended $ per million tokens',
  quota: 'Nearest quota window %',
}

/** Every IANA zone the runtime knows, for the time-zone field's suggestions. */
const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []

/** The display form's text state: numbers stay text until saved, so a half-typed value is not lost. */
interface Draft {
  trayMetric: TrayMetric
  timezone: string
  weekStartsOn: '0' | '1'
  currency: string
  usdRate: string
  hideAmounts: boolean
  launchAtLogin: boolean
  writeSnapshotFile: boolean
  snapshotPath: string
}

function draftOf(d: DisplaySettings): Draft {
  return {
    trayMetric: d.trayMetric,
    timezone: d.timezone ?? '',
    weekStartsOn: d.weekStartsOn === 0 ? '0' : '1',
    currency: d.currency,
    usdRate: String(d.usdRate),
    hideAmounts: d.hideAmounts,
    launchAtLogin: d.launchAtLogin,
    writeSnapshotFile: d.writeSnapshotFile,
    snapshotPath: d.snapshotPath ?? '',
  }
}

/** The patch the engine validates: empty text means "the default" (system zone, default snapshot path). */
function patchOf(draft: Draft): Partial<Record<keyof DisplaySettings, unknown>> {
  const rate = draft.usdRate.trim() === '' ? Number.NaN : Number(draft.usdRate)
  return {
    trayMetric: draft.trayMetric,
    timezone: draft.timezone.trim() === '' ? null : draft.timezone.trim(),
    weekStartsOn: draft.weekStartsOn === '0' ? 0 : 1,
    currency: draft.currency.trim().toUpperCase(),
    usdRate: rate,
    hideAmounts: draft.hideAmounts,
    launchAtLogin: draft.launchAtLogin,
    writeSnapshotFile: draft.writeSnapshotFile,
    snapshotPath: draft.snapshotPath.trim() === '' ? null : draft.snapshotPath.trim(),
  }
}

/** Preferences → Display: tray metric, time zone and week start, currency, privacy, login item, snapshot file. */
export function DisplaySection() {
  const { load, update } = useSettings()
  if (load.state === 'loading') return <p className="muted">Loading…</p>
  if (load.state === 'error') return <p className="error-text">{load.message}</p>
  return <DisplayForm view={load.view} update={update} />
}

function DisplayForm({ view, update }: { view: SettingsView; update: ReturnType<typeof useSettings>['update'] }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(view.settings.display))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }))
    setSaved(false)
  }
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    // The patch is built loosely typed on purpose: the engine, not the form, decides what is valid.
    const result = await update({ display: patchOf(draft) as never })
    setBusy(false)
    if (result === null) {
      setErrors({})
      setSaved(true)
      return
    }
    // Errors arrive as `display.<field>`: strip the section so they land next to this form's fields.
    setErrors(Object.fromEntries(Object.entries(result).map(([k, v]) => [k.replace(/^display\./, ''), v])))
  }
  const linux = navigator.userAgent.includes('Linux')
  return (
    <form className="panel" onSubmit={(e) => void onSubmit(e)} data-testid="display-form" noValidate>
      <h2>Menu bar</h2>
      <div className="form-grid">
        <FormField label="Menu bar shows" name="trayMetric" error={errors['trayMetric']}>
          <select data-testid="display-trayMetric" value={draft.trayMetric} onChange={(e) => set('trayMetric', e.target.value as TrayMetric)}>
            {TRAY_METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABELS[m]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Hide amounts (screen sharing)" name="hideAmounts" error={errors['hideAmounts']} hint="Dots instead of money in the menu bar, popover and here.">
          <input type="checkbox" data-testid="display-hideAmounts" checked={draft.hideAmounts} onChange={(e) => set('hideAmounts', e.target.checked)} />
        </FormField>
        <FormField
          label="Launch at login"
          name="launchAtLogin"
          error={errors['launchAtLogin']}
          hint={linux ? 'On Linux, add TokenLedger to your desktop’s autostart instead.' : undefined}
        >
          <input type="checkbox" data-testid="display-launchAtLogin" checked={draft.launchAtLogin} onChange={(e) => set('launchAtLogin', e.target.checked)} />
        </FormField>
      </div>

      <h2>Dates</h2>
      <div className="form-grid">
        <FormField label="Time zone" name="timezone" error={errors['timezone']} hint={`Empty: the system’s (${view.systemTimezone}).`}>
          <input
            data-testid="display-timezone"
            list="tl-time-zones"
            placeholder={view.systemTimezone}
            value={draft.timezone}
            onChange={(e) => set('timezone', e.target.value)}
          />
        </FormField>
        <datalist id="tl-time-zones">
          {TIME_ZONES.map((tz) => (
            <option key={tz} value={tz} />
          ))}
        </datalist>
        <FormField label="Weeks start on" name="weekStartsOn" error={errors['weekStartsOn']}>
          <select data-testid="display-weekStartsOn" value={draft.weekStartsOn} onChange={(e) => set('weekStartsOn', e.target.value as '0' | '1')}>
            <option value="1">Monday</option>
            <option value="0">Sunday</option>
          </select>
        </FormField>
      </div>

      <h2>Currency</h2>
      <div className="form-grid">
        <FormField label="Show amounts in" name="currency" error={errors['currency']} hint="ISO code: USD, EUR, GBP…">
          <input data-testid="display-currency" maxLength={3} value={draft.currency} onChange={(e) => set('currency', e.target.value)} />
        </FormField>
        <FormField label="Units per US dollar" name="usdRate" error={errors['usdRate']} hint="Your rate; TokenLedger fetches none. Data stays in USD.">
          <input data-testid="display-usdRate" inputMode="decimal" value={draft.usdRate} onChange={(e) => set('usdRate', e.target.value)} />
        </FormField>
      </div>

      <h2>Snapshot file for other status bars</h2>
      <div className="form-grid">
        <FormField label="Write ui-snapshot.json" name="writeSnapshotFile" error={errors['writeSnapshotFile']}>
          <input type="checkbox" data-testid="display-writeSnapshotFile" checked={draft.writeSnapshotFile} onChange={(e) => set('writeSnapshotFile', e.target.checked)} />
        </FormField>
        <FormField label="Path" name="snapshotPath" error={errors['snapshotPath']} hint={view.defaultSnapshotPath === null ? undefined : `Empty: ${view.defaultSnapshotPath}`}>
          <input
            data-testid="display-snapshotPath"
            placeholder={view.defaultSnapshotPath ?? '/absolute/path/ui-snapshot.json'}
            value={draft.snapshotPath}
            disabled={!draft.writeSnapshotFile}
            onChange={(e) => set('snapshotPath', e.target.value)}
          />
        </FormField>
      </div>

      <FormMessage error={errors['']} ok={saved ? 'Saved. The menu bar and popover use it now.' : undefined} />
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="display-save" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  )
}
