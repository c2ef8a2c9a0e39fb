import { useCallback, useEffect, useState } from 'react'
import type { SettingsView } from '../../common/methods/settings-methods.ts'
import type { SettingsPatch } from '../../common/settings.ts'
import { getApi } from '../api.ts'
import { fieldErrors, type FieldErrors } from './field-errors.ts'

export type SettingsLoad = { state: 'loading' } | { state: 'ok'; view: SettingsView } | { state: 'error'; message: string }

/**
 * The stored settings and a way to change them. `update` sends a patch; the engine validates, stores
 * and applies it, and answers with the new settings — or with field errors, in which case nothing was
 * stored and the form keeps what the user typed.
 */
export function useSettings(): { load: SettingsLoad; update: (patch: SettingsPatch) => Promise<FieldErrors | null> } {
  const [load, setLoad] = useState<SettingsLoad>(() =>
    getApi() === null ? { state: 'error', message: 'This page must be opened by the TokenLedger app.' } : { state: 'loading' },
  )
  useEffect(() => {
    const api = getApi()
    if (api === null) return
    let live = true
    void api.call('settings.get', {}).then((outcome) => {
      if (live) setLoad(outcome.ok ? { state: 'ok', view: outcome.result } : { state: 'error', message: outcome.error.message })
    })
    return () => {
      live = false
    }
  }, [])
  const update = useCallback(async (patch: SettingsPatch): Promise<FieldErrors | null> => {
    const api = getApi()
    if (api === null) return { '': 'This page must be opened by the TokenLedger app.' }
    const outcome = await api.call('settings.update', patch)
    if (!outcome.ok) return fieldErrors(outcome.error)
    setLoad({ state: 'ok', view: outcome.result })
    return null
  }, [])
  return { load, update }
}
