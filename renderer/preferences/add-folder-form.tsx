import { useState, type FormEvent } from 'react'
import { PROVIDER_LABELS, type ProviderId } from '../../common/providers.ts'
import type { SourceSettings } from '../../common/settings.ts'
import { getApi } from '../api.ts'
import type { FieldErrors } from './field-errors.ts'
import { FormField, FormMessage } from './form-field.tsx'
import type { ChangeSources } from './sources-section.tsx'
import { ProviderSelect } from './provider-select.tsx'

/**
 * Adds a folder the agent does not write to by default (logs copied from another machine, a second
 * config root). Chosen with the system dialog or typed; the engine checks that it exists, is a folder
 * and does not overlap a location already read, and answers on the field.
 */
export function AddFolderForm({ settings, change }: { settings: SourceSettings; change: ChangeSources }) {
  const [provider, setProvider] = useState<ProviderId>('claude')
  const [dir, setDir] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [added, setAdded] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  // The new folder is the last entry: the engine names its fields by that index.
  const field = `sources.customFolders.${settings.customFolders.length}`
  const choose = async (): Promise<void> => {
    const picked = await getApi()?.pickPath('folder')
    if (picked !== null && picked !== undefined) {
      setDir(picked)
      setErrors({})
    }
  }
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    const result = await change({ customFolders: [...settings.customFolders, { provider, dir }] })
    setBusy(false)
    if (result === null) {
      setAdded(`Added ${dir.trim()}: ${PROVIDER_LABELS[provider]} reads it from now on.`)
      setDir('')
      setErrors({})
    } else {
      setAdded(undefined)
      setErrors(result)
    }
  }
  const other = Object.entries(errors)
    .filter(([k]) => k !== `${field}.dir` && k !== `${field}.provider`)
    .map(([, v]) => v)
  return (
    <form className="panel" onSubmit={(e) => void onSubmit(e)} data-testid="add-folder-form" noValidate>
      <h2>Add a folder</h2>
      <p className="muted small">Read an agent’s logs from another folder too, e.g. logs copied from another machine. Its events are kept apart under the folder’s name.</p>
      <div className="form-grid add-folder-grid">
        <FormField label="Agent" name="customFolderProvider" error={errors[`${field}.provider`]}>
          <ProviderSelect testId="custom-folder-provider" value={provider} onChange={setProvider} />
        </FormField>
        <FormField label="Folder (absolute path)" name="customFolderDir" error={errors[`${field}.dir`]}>
          <input
            data-testid="custom-folder-dir"
            value={dir}
            placeholder="/path/to/logs"
            spellCheck={false}
            onChange={(e) => {
              setDir(e.target.value)
              setAdded(undefined)
            }}
          />
        </FormField>
      </div>
      <div className="form-actions">
        <button type="button" className="secondary" data-testid="custom-folder-choose" onClick={() => void choose()}>
          Choose…
        </button>
        <button type="submit" className="primary" data-testid="custom-folder-add" disabled={busy}>
          Add folder
        </button>
      </div>
      <FormMessage error={other.length > 0 ? other.join('; ') : undefined} ok={added} />
    </form>
  )
}
