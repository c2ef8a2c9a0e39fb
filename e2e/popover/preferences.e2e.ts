import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../harness/browser.ts'
import { makeHome } from '../harness/make-home.ts'
import { openPopover, tempDir, unwrap, type Popover } from '../harness/popover-harness.ts'

/** The placeholder preferences window lists the sources the engine detected (`sources.list`). */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let popover: Popover

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-prefs-')
  await makeHome(home.path, new Date())
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path, pageFile: 'preferences.html#sources' })
  await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
})

describe('preferences window', () => {
  it('lists each detected source location with whether it exists', async () => {
    const sources = unwrap(await popover.bridge.request('sources.list', {}))
    await popover.page.getByTestId('source-row').first().waitFor()
    const shown = await popover.page.getByTestId('source-row').evaluateAll((els) =>
      els.map((el) => ({ root: el.querySelector('.path')?.textContent ?? '', found: el.querySelector('.ok') !== null })),
    )
    expect(shown).toEqual(sources.map((s) => ({ root: s.root, found: s.exists })))
    await popover.screenshot('preferences.png')
    expect(popover.pageErrors).toEqual([])
  })
})
