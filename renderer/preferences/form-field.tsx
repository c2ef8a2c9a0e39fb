import type { ReactNode } from 'react'

/**
 * A labelled form control with its validation message right under it. `name` is the field's path as
 * the engine reports it; tests find the message by `data-testid="error-<name>"`.
 */
export function FormField({ label, name, error, hint, children }: { label: string; name: string; error?: string | undefined; hint?: ReactNode; children: ReactNode }) {
  return (
    <label className={error === undefined ? 'field' : 'field has-error'} data-field={name}>
      <span className="field-label">{label}</span>
      {children}
      {hint !== undefined && error === undefined && <span className="field-hint">{hint}</span>}
      {error !== undefined && (
        <span className="field-error" role="alert" data-testid={`error-${name}`}>
          {error}
        </span>
      )}
    </label>
  )
}

/** A message for the whole form (an error with no field, or a confirmation). */
export function FormMessage({ error, ok }: { error?: string | undefined; ok?: string | undefined }) {
  if (error !== undefined) return <p className="error-text" role="alert" data-testid="form-error">{error}</p>
  if (ok !== undefined) return <p className="ok small" role="status" data-testid="form-ok">{ok}</p>
  return null
}

/** The end of every preferences form: its overall message, then its one submit button. */
export function FormFooter({ error, ok, busy, label, testId, kind = 'primary' }: { error?: string | undefined; ok?: string | undefined; busy: boolean; label: string; testId: string; kind?: 'primary' | 'secondary' }) {
  return (
    <>
      <FormMessage error={error} ok={ok} />
      <div className="form-actions">
        <button type="submit" className={kind} data-testid={testId} disabled={busy}>
          {label}
        </button>
      </div>
    </>
  )
}
