import { useCallback, useEffect, useState } from 'react'
import type { MethodName, MethodParams, MethodResults } from '../../common/engine-methods.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { getApi } from '../api.ts'
import { fieldErrors, type FieldErrors } from './field-errors.ts'

/** Engine calls for the Plans and Pricing tabs: loading a list, and an edit whose rejection lands next to fields. */

export type Load<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; message: string }

const NO_APP = 'This page must be opened by the TokenLedger app.'

/** The answer to a parameterless read (`plans.list`, `overrides.list`…), and a way to ask again after an edit. */
export function useEngineData<M extends MethodName>(method: M, params: MethodParams<M>): { load: Load<MethodResults[M]>; reload: () => void } {
  const [load, setLoad] = useState<Load<MethodResults[M]>>(() => (getApi() === null ? { state: 'error', message: NO_APP } : { state: 'loading' }))
  const [generation, setGeneration] = useState(0)
  // The params of these reads are constants: their text (with the reload count) keys the effect, so a
  // new params object each render is no new read, and a reload is.
  const key = JSON.stringify({ params, generation })
  useEffect(() => {
    const api = getApi()
    if (api === null) return
    let live = true
    void api.call(method, (JSON.parse(key) as { params: MethodParams<M> }).params).then((o) => {
      if (live) setLoad(o.ok ? { state: 'ok', value: o.result } : { state: 'error', message: o.error.message })
    })
    return () => {
      live = false
    }
  }, [method, key])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { load, reload }
}

export type EditOutcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }

/** Sends an edit; the engine's field messages come back keyed by field (`prices.input`, `endDate`…). */
export async function edit<M extends MethodName>(method: M, params: MethodParams<M>): Promise<EditOutcome<MethodResults[M]>> {
  const api = getApi()
  if (api === null) return { ok: false, errors: { '': NO_APP } }
  const o = await api.call(method, params)
  return o.ok ? { ok: true, value: o.result } : { ok: false, errors: fieldErrors(o.error) }
}

/** The latest snapshot: asked for once, then kept current by every pushed one (the newer always wins). */
export function useLatestSnapshot(): UiSnapshot | null {
  const [latest, setLatest] = useState<UiSnapshot | null>(null)
  useEffect(() => {
    const api = getApi()
    if (api === null) return
    const take = (s: UiSnapshot): void => setLatest((prev) => (prev === null || s.generatedAt >= prev.generatedAt ? s : prev))
    let live = true
    void api.call('snapshot.get', {}).then((o) => live && o.ok && take(o.result))
    const off = api.onSnapshot(take)
    return () => {
      live = false
      off()
    }
  }, [])
  return latest
}
