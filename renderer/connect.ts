import type { TokenLedgerApi } from '../common/renderer-api.ts'
import type { LedgerState } from './store.ts'

type Sink = Pick<LedgerState, 'setSnapshot' | 'setLoadError' | 'setEngine'>

/**
 * Feeds the store from the bridge: pushed snapshots, engine status, and one `snapshot.get` at start (a
 * push may have happened before the window existed). After the engine comes back from a restart the
 * snapshot is fetched again, because pushes sent while it was down were lost.
 */
export function connectLedger(api: TokenLedgerApi, sink: Sink): () => void {
  let wasRunning = true
  const fetchSnapshot = async (): Promise<void> => {
    const outcome = await api.call('snapshot.get', {})
    if (outcome.ok) sink.setSnapshot(outcome.result)
    else sink.setLoadError(outcome.error)
  }
  const offSnapshot = api.onSnapshot((snapshot) => sink.setSnapshot(snapshot))
  const offStatus = api.onEngineStatus((status) => {
    sink.setEngine(status)
    const running = status.state === 'running'
    if (running && !wasRunning) void fetchSnapshot()
    wasRunning = running
  })
  void fetchSnapshot()
  return () => {
    offSnapshot()
    offStatus()
  }
}
