import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProviderId } from '../../common/providers.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { formatUsd } from '../../renderer/format.ts'
import { localDate } from '../../renderer/ranges.ts'
import { launchChromium } from '../harness/browser.ts'
import { makeHome } from '../harness/make-home.ts'
import { openPopover, tempDir, TEST_LOCALE, unwrap, type Popover } from '../harness/popover-harness.ts'

/**
 * The popover on a combined Claude Code + Codex home shows the numbers the engine itself reports for
 * that home (report.daily over the same ledger), formatted the way a user reads them.
 */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let popover: Popover
let snapshot: UiSnapshot
let today: string
let monthStart: string

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-home-')
  await makeHome(home.path, new Date())
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path })
  snapshot = await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
  today = localDate(new Date(snapshot.generatedAt), 'UTC')
  monthStart = `${today.slice(0, 8)}01`
  await popover.page.getByTestId('overview').waitFor()
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
})

async function daily(providers?: ProviderId[]) {
  return unwrap(await popover.bridge.request('report.daily', { since: monthStart, until: today, providers }))
}

describe('popover overview on a fixture home', () => {
  it("shows today's spend as the engine's daily report has it", async () => {
    const report = await daily()
    const todayCost = report.days.find((d) => d.date === today)?.costUsd ?? 0
    expect(await popover.text('today-cost')).toBe(formatUsd(todayCost, TEST_LOCALE))
    // The snapshot and the report round money independently to micro-dollars.
    expect(await popover.value('today-cost')).toBeCloseTo(todayCost, 5)
  })

  it('shows month-to-date spend as the engine reports it', async () => {
    const report = await daily()
    expect(await popover.text('month-cost')).toBe(formatUsd(report.totals.costUsd ?? 0, TEST_LOCALE))
    expect(await popover.value('month-cost')).toBeCloseTo(report.totals.costUsd ?? 0, 5)
  })

  it.each(['claude', 'codex'] as const)('shows %s month tokens per bucket as the engine reports them', async (provider) => {
    const { tokens } = (await daily([provider])).totals
    const onScreen = {
      input: await popover.value(`provider-${provider}-tokens-input`),
      output: await popover.value(`provider-${provider}-tokens-output`),
      cacheRead: await popover.value(`provider-${provider}-tokens-cache-read`),
      cacheWrite: await popover.value(`provider-${provider}-tokens-cache-write`),
    }
    expect(onScreen).toEqual({ input: tokens.input, output: tokens.output, cacheRead: tokens.cacheRead, cacheWrite: tokens.cacheWrite })
  })

  it.each(['claude', 'codex'] as const)('shows %s month spend as the engine reports it', async (provider) => {
    const report = await daily([provider])
    expect(await popover.text(`provider-${provider}-month-cost`)).toBe(formatUsd(report.totals.costUsd ?? 0, TEST_LOCALE))
  })

  it("shows today's Codex 5-hour window with a countdown, and hides windows that already reset", async () => {
    const primary = popover.page.getByTestId('quota-codex-primary')
    expect(await primary.getByTestId('quota-codex-primary-used').textContent()).toBe('42%')
    expect(await primary.getByTestId('quota-codex-primary-countdown').textContent()).toMatch(/^2h 1[0-3]m$/)
    // Every quota on screen resets in the future: readings from past days are not shown.
    const countdowns = await popover.page.locator('[data-testid$="-countdown"]').allTextContents()
    expect(countdowns.filter((c) => c === 'now')).toEqual([])
  })

  it('draws one stacked bar per day with spend in the last 30 days', async () => {
    const bars = popover.page.getByTestId('daily-chart').locator('.recharts-bar-rectangle path')
    const daysWithSpendPerProvider = snapshot.daily.reduce((n, d) => n + Object.values(d.byProvider).filter((v) => v > 0).length, 0)
    // The bars are their own chunk (loaded after the numbers paint): wait for them.
    await expect.poll(() => bars.count()).toBe(daysWithSpendPerProvider)
  })

  it('lists the model no price list knows as unpriced, not $0', async () => {
    const unpriced = popover.page.getByTestId('top-model').filter({ hasText: 'claude-nimbus-9-preview' })
    expect(await unpriced.locator('.row-cost').textContent()).toBe('unpriced')
  })

  it('renders without console errors or CSP violations', async () => {
    await popover.screenshot('popover.png')
    await popover.page.emulateMedia({ colorScheme: 'dark' })
    await popover.screenshot('popover-dark.png')
    await popover.page.emulateMedia({ colorScheme: 'light' })
    expect(popover.pageErrors).toEqual([])
  })
})
