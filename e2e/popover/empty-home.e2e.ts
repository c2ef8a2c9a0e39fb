import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { launchChromium } from '../harness/browser.ts'
import { openPopover, tempDir, type Popover } from '../harness/popover-harness.ts'

/** A machine with no agent logs: the popover says where it looked instead of showing $0.00. */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let popover: Popover
let snapshot: UiSnapshot

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-empty-')
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path })
  snapshot = await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
  await popover.page.getByTestId('empty-state').waitFor()
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
})

describe('empty home', () => {
  it('lists every location the engine searched, each marked not found', async () => {
    const rows = popover.page.getByTestId('searched-location')
    const shown = await rows.evaluateAll((els) =>
      els.map((el) => ({ root: el.querySelector('.path')?.textContent ?? '', exists: el.getAttribute('data-exists') })),
    )
    expect(shown).toEqual(snapshot.sources.map((s) => ({ root: s.root, exists: 'false' })))
    expect(shown.length).toBeGreaterThan(0)
    await popover.screenshot('empty.png')
  })

  it('shows no dollar figures and offers a way to add a location', async () => {
    expect(await popover.page.getByTestId('today-cost').count()).toBe(0)
    await popover.page.getByRole('button', { name: 'Open Preferences' }).click()
    await expect.poll(() => popover.bridge.shellActions).toEqual(['open-preferences'])
  })
})
