import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../harness/browser.ts'
import { makeHome } from '../harness/make-home.ts'
import { openPopover, tempDir, TEST_LOCALE, unwrap, type Popover } from '../harness/popover-harness.ts'

/**
 * Preferences → Display against a real engine: a saved setting reaches the engine (stored, validated),
 * comes back in the next snapshot and changes what the popover shows, without a restart.
 */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let popover: Popover

const euros = (usd: number): string => new Intl.NumberFormat(TEST_LOCALE, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(usd)

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-display-')
  await makeHome(home.path, new Date())
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path, pageFile: 'preferences.html#display' })
  await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
})

async function save(): Promise<void> {
  await popover.page.getByTestId('display-save').click()
}

describe('Preferences → Display', () => {
  it('rejects an unknown time zone and a zero rate next to their fields, storing nothing', async () => {
    const before = unwrap(await popover.bridge.request('settings.get', {})).settings
    const { page } = popover
    await page.getByTestId('display-form').waitFor()
    await page.getByTestId('display-timezone').fill('Mars/Olympus')
    await page.getByTestId('display-usdRate').fill('0')
    await save()
    await expect.poll(() => popover.text('error-timezone')).toContain('unknown time zone')
    expect(await popover.text('error-usdRate')).toContain('more than 0')
    expect(unwrap(await popover.bridge.request('settings.get', {})).settings).toEqual(before)
    await popover.screenshot('prefs-display-errors.png')
  })

  it('applies a time zone, currency and hidden amounts live, and the popover shows them', async () => {
    const { page } = popover
    await page.getByTestId('display-timezone').fill('Asia/Tokyo')
    await page.getByTestId('display-usdRate').fill('0.5')
    await page.getByTestId('display-currency').fill('EUR')
    await save()
    await page.getByTestId('form-ok').waitFor()
    const snapshot = await popover.bridge.waitForSnapshot((s) => s.timezone === 'Asia/Tokyo' && s.display?.currency === 'EUR')
    expect(snapshot.display).toMatchObject({ currency: 'EUR', usdRate: 0.5, hideAmounts: false })
    expect(unwrap(await popover.bridge.request('settings.get', {})).settings.display).toMatchObject({ timezone: 'Asia/Tokyo', currency: 'EUR', usdRate: 0.5 })

    // The popover (same engine) shows today's and the month's list cost converted at the user's rate.
    await page.goto(`${popover.origin}/index.html`)
    await page.getByTestId('today-cost').waitFor()
    const latest = unwrap(await popover.bridge.request('snapshot.get', {}))
    expect(await popover.text('today-cost')).toBe(euros(latest.today.costUsd * 0.5))
    expect(await popover.text('month-cost')).toBe(euros(latest.month.costUsd * 0.5))
    // The underlying figure stays USD (scripts and tests read data-value).
    expect(await popover.value('month-cost')).toBeCloseTo(latest.month.costUsd, 6)

    await page.goto(`${popover.origin}/preferences.html#display`)
    await page.getByTestId('display-hideAmounts').check()
    await save()
    await page.getByTestId('form-ok').waitFor()
    await popover.bridge.waitForSnapshot((s) => s.display?.hideAmounts === true)
    await page.goto(`${popover.origin}/index.html`)
    await page.getByTestId('today-cost').waitFor()
    expect(await popover.text('today-cost')).toBe('•••')
    expect(await popover.text('month-cost')).toBe('•••')
    await popover.screenshot('popover-hidden-amounts.png')
    expect(popover.pageErrors).toEqual([])
  })
})
