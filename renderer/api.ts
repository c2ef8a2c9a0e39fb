import type { TokenLedgerApi } from '../common/renderer-api.ts'

declare global {
  interface Window {
    /** Set by the preload (the app) or by the e2e harness's init script (tests). */
    tokenledger?: TokenLedgerApi
  }
}

/** The bridge, or null when the page was opened without one (a plain browser tab): the UI says so. */
export function getApi(): TokenLedgerApi | null {
  return window.tokenledger ?? null
}
