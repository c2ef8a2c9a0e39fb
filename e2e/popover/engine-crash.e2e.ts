import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../harness/browser.ts'
import { makeHome } from '../harness/make-home.ts'
import { openPopover, tempDir, type Popover } from '../harness/popover-harness.ts'

/**
 * The engine process dies. The harness behaves like the app's supervisor (restarting → running), and
 * the popover must say so while it happens, then recover its numbers without a reload.
 */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let popover: Popover

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-crash-')
  await makeHome(home.path, new Date())
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path, restartDelayMs: 3_000 })
  await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
  await popover.page.getByTestId('overview').waitFor()
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
})

describe('engine crash', () => {
  it('shows that the engine is restarting', async () => {
    const todayBefore = await popover.text('today-cost')
    popover.bridge.crashEngine()
    const banner = popover.page.locator('[data-testid="engine-banner"][data-state="restarting"]')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('restarting (attempt 1')
    // The last known figures stay visible, flagged as possibly out of date.
    expect(await popover.text('today-cost')).toBe(todayBefore)
    await popover.screenshot('engine-restarting.png')
  })

  it('recovers when the engine is back, with the same figures', async () => {
    const todayBefore = await popover.text('today-cost')
    await popover.page.locator('[data-testid="engine-banner"][data-state="restarting"]').waitFor({ state: 'detached', timeout: 60_000 })
    await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
    await expect.poll(() => popover.text('today-cost'), { timeout: 30_000 }).toBe(todayBefore)
    expect(popover.bridge.status()).toEqual({ state: 'running' })
  })
})
