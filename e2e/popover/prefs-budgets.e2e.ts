import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BudgetStatusView } from '../../common/snapshot.ts'
import { formatUsd, formatUsedPercent } from '../../renderer/format.ts'
import { launchChromium } from '../harness/browser.ts'
import { appendClaudeRequest, makeHome, type FixtureHome } from '../harness/make-home.ts'
import { openPopover, tempDir, TEST_LOCALE, unwrap, type Popover } from '../harness/popover-harness.ts'

/**
 * Preferences → Budgets against a real engine: a daily budget saved through the form is stored, its
 * spend arrives with the next snapshot (the popover's own "today" figure), the engine raises its 100 %
 * alert exactly once however often it publishes, and the popover draws the budget bar.
 */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let fixture: FixtureHome
let popover: Popover

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-budgets-')
  fixture = await makeHome(home.path, new Date())
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path, pageFile: 'preferences.html#budgets' })
  await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
})

const budgetAlerts = () => popover.bridge.notifications().filter((n) => n.key.startsWith('budget:'))

describe('Preferences → Budgets', () => {
  it('rejects a $0 or negative budget next to its amount, storing nothing', async () => {
    const before = unwrap(await popover.bridge.request('settings.get', {})).settings
    const { page } = popover
    await page.getByTestId('budgets-form').waitFor()
    await page.getByTestId('budget-add').click()
    for (const amount of ['0', '-5']) {
      await page.getByTestId('budget-amount-0').fill(amount)
      // Editing clears the row's message; the engine's verdict on this value brings it back.
      await page.getByTestId('error-budgets.0.amountUsd').waitFor({ state: 'detached' })
      await page.getByTestId('budgets-save').click()
      await expect.poll(() => popover.text('error-budgets.0.amountUsd')).toBe('a budget must be more than 0')
      expect(unwrap(await popover.bridge.request('settings.get', {})).settings).toEqual(before)
    }
    await page.getByTestId('budget-amount-0').fill('twenty')
    await page.getByTestId('error-budgets.0.amountUsd').waitFor({ state: 'detached' })
    await page.getByTestId('budgets-save').click()
    await expect.poll(() => popover.text('error-budgets.0.amountUsd')).toContain('enter an amount')
    expect(unwrap(await popover.bridge.request('settings.get', {})).settings).toEqual(before)
  })

  it('rejects a notification level over 500 % next to the levels field', async () => {
    const before = unwrap(await popover.bridge.request('settings.get', {})).settings
    await popover.page.getByTestId('alerts-thresholds').fill('50, 600')
    await popover.page.getByTestId('alerts-save').click()
    await expect.poll(() => popover.text('error-alerts.budgetThresholds')).toBe('at most 500%')
    expect(unwrap(await popover.bridge.request('settings.get', {})).settings).toEqual(before)
    await popover.page.getByTestId('alerts-thresholds').fill('50, 80, 100')
  })

  it('a daily budget below today’s spend shows today’s spend and notifies at 100 % exactly once', async () => {
    const { page, bridge } = popover
    const today = unwrap(await bridge.request('snapshot.get', {})).today.costUsd
    expect(today).toBeGreaterThan(0.02)
    // About half of today's spend, in cents: the budget is already past 100 %.
    const amount = Math.floor(today * 50) / 100
    await page.getByTestId('budget-period-0').selectOption('day')
    await page.getByTestId('budget-provider-0').selectOption('')
    await page.getByTestId('budget-amount-0').fill(String(amount))
    await page.getByTestId('budgets-save').click()
    await page.getByTestId('budgets-form').getByTestId('form-ok').waitFor()
    await popover.screenshot('prefs-budgets.png')

    const stored = unwrap(await bridge.request('settings.get', {})).settings.budgets
    expect(stored).toEqual([{ id: expect.any(String), period: 'day', provider: null, amountUsd: amount }])
    const id = stored[0]!.id
    const snapshot = await bridge.waitForSnapshot((s) => s.budgets?.some((b) => b.id === id) === true)
    const status = snapshot.budgets!.find((b) => b.id === id)!
    const date = snapshot.generatedAt.slice(0, 10) // the engine runs in UTC
    expect(status).toMatchObject({ period: 'day', provider: null, amountUsd: amount, periodStart: date, spentUsd: snapshot.today.costUsd, projectedUsd: null })
    expect(status.percent).toBeCloseTo((snapshot.today.costUsd / amount) * 100, 2)
    expect(status.percent).toBeGreaterThanOrEqual(100)

    // The form shows where the saved budget stands now.
    await expect.poll(() => popover.value('budget-standing-0')).toBe(status.spentUsd)
    expect(await popover.text('budget-standing-0')).toBe(`${formatUsd(status.spentUsd, TEST_LOCALE)} today (${formatUsedPercent(status.percent, TEST_LOCALE)})`)

    const key = `budget:${id}:${date}:100`
    await expect.poll(() => budgetAlerts().map((n) => n.key), { timeout: 30_000 }).toEqual([key])
    expect(budgetAlerts()[0]).toMatchObject({ title: 'Daily budget 100% used', body: expect.stringContaining(`of ${formatUsd(amount, TEST_LOCALE)} today`) })

    // More usage today: the engine publishes again (and again on an explicit refresh), and stays quiet.
    const usage = { input: 500, output: 20_000, cacheRead: 40_000, cacheWrite5m: 0, cacheWrite1h: 5_000 }
    await appendClaudeRequest(fixture, new Date(Date.now() - 1_000), usage, 'budget1')
    unwrap(await bridge.request('ingest.refresh', {}))
    const after = await bridge.waitForSnapshot((s) => s.today.requests === snapshot.today.requests + 1)
    expect(after.budgets!.find((b) => b.id === id)!.spentUsd).toBe(after.today.costUsd)
    // A round trip after the snapshot: a notification sent with it would have arrived by now.
    unwrap(await bridge.request('ingest.refresh', {}))
    expect(budgetAlerts().map((n) => n.key)).toEqual([key])
  })

  it('the popover shows the budget bar with the engine’s numbers, and dots while amounts are hidden', async () => {
    const { page, bridge } = popover
    await page.goto(`${popover.origin}/index.html`)
    await page.getByTestId('budget-day-all').waitFor()
    const latest = unwrap(await bridge.request('snapshot.get', {}))
    const status: BudgetStatusView = latest.budgets![0]!
    expect(await popover.value('budget-day-all-spent')).toBe(latest.today.costUsd)
    expect(await popover.text('budget-day-all-spent')).toBe(await popover.text('today-cost'))
    expect(await popover.text('budget-day-all-amount')).toBe(formatUsd(status.amountUsd, TEST_LOCALE))
    expect(await popover.text('budget-day-all-percent')).toBe(formatUsedPercent(status.percent, TEST_LOCALE))
    expect(await page.getByTestId('budget-day-all').locator('.bar').getAttribute('class')).toContain('bar-high')
    await popover.screenshot('popover-budgets.png')

    unwrap(await bridge.request('settings.update', { display: { hideAmounts: true } }))
    await expect.poll(() => popover.text('budget-day-all-spent')).toBe('•••')
    expect(await popover.text('budget-day-all-amount')).toBe('•••')
    expect(popover.pageErrors).toEqual([])
  })
})
