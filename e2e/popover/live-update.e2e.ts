import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatUsd } from '../../renderer/format.ts'
import { localDate } from '../../renderer/ranges.ts'
import { launchChromium } from '../harness/browser.ts'
import { appendClaudeRequest, makeHome, type FixtureHome } from '../harness/make-home.ts'
import { openPopover, tempDir, TEST_LOCALE, unwrap, type Popover } from '../harness/popover-harness.ts'

/**
 * A Claude Code session writing a new request while the popover is open: the watcher ingests it and
 * the pushed snapshot updates the numbers in place, with no reload of the page.
 */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let fixture: FixtureHome
let popover: Popover

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-live-')
  fixture = await makeHome(home.path, new Date())
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path })
  await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
  await popover.page.getByTestId('overview').waitFor()
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
})

describe('live update', () => {
  it('shows a request appended to a log without reloading the popover', async () => {
    const before = await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
    const outputBefore = await popover.value('provider-claude-tokens-output')
    // A marker that survives only if the document is never reloaded.
    await popover.page.evaluate(() => Reflect.set(globalThis, '__sameDocument', true))

    const usage = { input: 1_200, output: 48_000, cacheRead: 150_000, cacheWrite5m: 0, cacheWrite1h: 20_000 }
    await appendClaudeRequest(fixture, new Date(Date.now() - 1_000), usage, 'live1')
    const after = await popover.bridge.waitForSnapshot((s) => s.today.requests === before.today.requests + 1)

    const today = localDate(new Date(after.generatedAt), 'UTC')
    const report = unwrap(await popover.bridge.request('report.daily', { since: today, until: today }))
    const expectedToday = formatUsd(report.totals.costUsd ?? 0, TEST_LOCALE)

    await expect.poll(() => popover.text('today-cost'), { timeout: 30_000 }).toBe(expectedToday)
    await expect.poll(() => popover.value('provider-claude-tokens-output'), { timeout: 30_000 }).toBe(outputBefore + usage.output)
    expect(await popover.page.evaluate(() => Reflect.get(globalThis, '__sameDocument'))).toBe(true)
    await popover.screenshot('live-update.png')
  })
})
