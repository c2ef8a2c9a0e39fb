import type { Browser } from 'playwright-core'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { openPopover, type Popover } from '../../e2e/harness/popover-harness.ts'

/** The popover's today figure (renderer/components/header-summary.tsx); its `data-value` is the exact cost. */
export const TODAY_TEST_ID = 'today-cost'

/** Backfilling the history can take a while on a slow machine; the bench waits, the tests never do. */
const READY_TIMEOUT_MS = 600_000

/**
 * Opens the built popover on a real engine (fresh ledger, watching `home`) and waits until the backfill
 * is over and the overview shows the numbers: the state a user finds the tray app in.
 */
export async function openReadyPopover(browser: Browser, home: string): Promise<{ popover: Popover; snapshot: UiSnapshot }> {
  const popover = await openPopover(browser, { home })
  try {
    const snapshot = await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready', READY_TIMEOUT_MS)
    await popover.page.getByTestId(TODAY_TEST_ID).first().waitFor({ timeout: 60_000 })
    return { popover, snapshot }
  } catch (error) {
    await popover.close()
    throw error
  }
}
