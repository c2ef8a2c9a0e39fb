import { useEffect, useRef, useState } from 'react'
import { EXPORT_GROUPS, type ExportGroupName } from '../../common/export-formats.ts'
import type { ExportOutcome } from '../../common/methods/export-methods.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { getApi } from '../api.ts'
import { useNow } from '../clock.ts'
import {
  customRangeErrors,
  EXPORT_FORMAT_LABELS,
  EXPORT_GROUP_LABELS,
  EXPORT_RANGE_KINDS,
  EXPORT_RANGE_LABELS,
  exportRange,
  formatFileSize,
  type ExportFileFormat,
  type ExportRangeKind,
} from '../export-options.ts'
import { localDate, rangeFor, type DateRange } from '../ranges.ts'
import { useLedger } from '../store.ts'

type Status = { state: 'idle' } | { state: 'working' } | { state: 'done'; outcome: ExportOutcome }

const FORMATS = Object.keys(EXPORT_FORMAT_LABELS) as ExportFileFormat[]

/**
 * Exports a report to a file: range, grouping and format here; the shell asks where to save, the
 * engine renders (the same output as `tokenledger export`) and the shell writes the file.
 */
export function ExportPanel({ snapshot }: { snapshot: UiSnapshot }) {
  const setExportOpen = useLedger((s) => s.setExportOpen)
  const today = localDate(new Date(useNow()), snapshot.timezone)
  const [kind, setKind] = useState<ExportRangeKind>('month')
  const [custom, setCustom] = useState<DateRange>(() => rangeFor('custom', today))
  const [group, setGroup] = useState<ExportGroupName>('day')
  const [format, setFormat] = useState<ExportFileFormat>('csv')
  const [status, setStatus] = useState<Status>({ state: 'idle' })
  const backRef = useRef<HTMLButtonElement>(null)
  useEffect(() => backRef.current?.focus(), [])

  const range = exportRange(kind, today, custom)
  const errors = kind === 'custom' ? customRangeErrors(custom) : {}
  const invalid = errors.since !== undefined || errors.until !== undefined
  const hasCursor = snapshot.providers.some((p) => p.provider === 'cursor')

  const run = async (): Promise<void> => {
    const api = getApi()
    if (api === null || invalid) return
    setStatus({ state: 'working' })
    const outcome = await api.exportReport({ format, group, since: range.since, until: range.until })
    // A cancelled dialog is the user's answer, not news: clear any earlier result instead.
    setStatus(outcome.ok || !outcome.canceled ? { state: 'done', outcome } : { state: 'idle' })
  }

  return (
    <section className="export-panel" data-testid="export-panel">
      <div className="drill-head">
        <button ref={backRef} type="button" className="back" data-testid="export-back" onClick={() => setExportOpen(false)} aria-label="Back">
          ‹ Back
        </button>
        <h1 className="drill-title">Export report</h1>
      </div>

      <div className="segmented" role="group" aria-label="Range">
        {EXPORT_RANGE_KINDS.map((k) => (
          <button key={k} type="button" aria-pressed={kind === k} data-testid={`export-range-${k}`} onClick={() => setKind(k)}>
            {EXPORT_RANGE_LABELS[k]}
          </button>
        ))}
      </div>
      {kind === 'custom' ? (
        <div className="export-dates" role="group" aria-label="Custom dates">
          <DateField label="From" testId="export-since" value={custom.since} error={errors.since} onChange={(since) => setCustom({ ...custom, since })} />
          <DateField label="to" testId="export-until" value={custom.until} error={errors.until} onChange={(until) => setCustom({ ...custom, until })} />
        </div>
      ) : (
        <p className="muted small" data-testid="export-dates">
          {range.since} – {range.until}
        </p>
      )}

      <label className="export-field">
        <span>One line per</span>
        <select data-testid="export-group" value={group} onChange={(e) => setGroup(e.target.value as ExportGroupName)}>
          {EXPORT_GROUPS.map((g) => (
            <option key={g} value={g}>
              {EXPORT_GROUP_LABELS[g]}
            </option>
          ))}
        </select>
      </label>
      <label className="export-field">
        <span>Format</span>
        <select data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFileFormat)}>
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {EXPORT_FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>

      <button type="button" className="button export-go" data-testid="export-go" disabled={invalid || status.state === 'working'} onClick={() => void run()}>
        {status.state === 'working' ? 'Exporting…' : 'Export…'}
      </button>
      {status.state === 'done' && <Result outcome={status.outcome} />}

      <ul className="export-notes muted small">
        <li>Counts, costs and ids only: exports never contain prompt or response text.</li>
        <li>The HTML and PDF invoices list plan fees, API spend, value at list price and the pricing registry version.</li>
        {hasCursor && <li>Cursor figures are account-wide, as of the date of its imported usage export.</li>}
      </ul>
    </section>
  )
}

function DateField({ label, testId, value, error, onChange }: { label: string; testId: string; value: string; error: string | undefined; onChange: (value: string) => void }) {
  return (
    <label className="export-date">
      <span>{label}</span>
      <input type="date" data-testid={testId} value={value} aria-invalid={error !== undefined} onChange={(e) => onChange(e.target.value)} />
      {error !== undefined && (
        <span className="error-text small" role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </label>
  )
}

function Result({ outcome }: { outcome: ExportOutcome }) {
  if (outcome.ok) {
    return (
      <p className="ok small" role="status" data-testid="export-result">
        Saved to <span className="path">{outcome.path}</span> ({formatFileSize(outcome.bytes, undefined)})
      </p>
    )
  }
  if (outcome.canceled) return null
  return (
    <p className="error-text small" role="alert" data-testid="export-error">
      {outcome.message}
    </p>
  )
}
