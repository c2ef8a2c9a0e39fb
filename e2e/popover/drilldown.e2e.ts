import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DrilldownQuery } from '../../common/reports.ts'
import { addDays, localDate } from '../../renderer/ranges.ts'
import { launchChromium } from '../harness/browser.ts'
import { makeHome } from '../harness/make-home.ts'
import { openPopover, tempDir, unwrap, type Popover } from '../harness/popover-harness.ts'

/** Provider → models → projects, back with the button and with Esc, and the range switch. */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let popover: Popover
let today: string
/** The model opened in the projects step, reused by the sessions step (the screens form one path). */
let openedModel = ''

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-drill-')
  await makeHome(home.path, new Date())
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path })
  const snapshot = await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
  today = localDate(new Date(snapshot.generatedAt), 'UTC')
  await popover.page.getByTestId('overview').waitFor()
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
})

async function engineRows(query: DrilldownQuery) {
  const result = unwrap(await popover.bridge.request('report.drilldown', query))
  return result.rows.map((r) => ({ key: r.key, cost: r.costUsd === null ? 'unpriced' : String(r.costUsd) }))
}

async function screenRows() {
  const rows = popover.page.getByTestId('drill-row')
  return rows.evaluateAll((els) =>
    els.map((el) => ({
      key: el.getAttribute('data-key') ?? '',
      cost: el.querySelector('[data-testid="drill-cost"]')?.getAttribute('data-value') ?? '',
    })),
  )
}

describe('drilldown', () => {
  it("opens a provider's models for this month, with the engine's rows and costs", async () => {
    await popover.page.getByTestId('provider-card-claude').getByRole('button', { name: /show models/ }).click()
    await popover.page.locator('[data-testid="drilldown"][data-level="models"]').waitFor()
    const expected = await engineRows({ level: 'models', provider: 'claude', range: { since: `${today.slice(0, 8)}01`, until: today } })
    await expect.poll(screenRows, { timeout: 15_000 }).toEqual(expected)
    expect(await popover.text('drill-title')).toBe('Claude Code · models')
    await popover.screenshot('drilldown.png')
  })

  it('switches the range to the last 7 days', async () => {
    await popover.page.getByTestId('range-7d').click()
    const expected = await engineRows({ level: 'models', provider: 'claude', range: { since: addDays(today, -6), until: today } })
    await expect.poll(screenRows, { timeout: 15_000 }).toEqual(expected)
    expect(await popover.page.getByTestId('range-7d').getAttribute('aria-pressed')).toBe('true')
  })

  it('picks custom dates, then goes back to 7 days', async () => {
    await popover.page.getByTestId('range-custom').click()
    const range = { since: addDays(today, -20), until: addDays(today, -10) }
    await popover.page.getByTestId('range-since').fill(range.since)
    await popover.page.getByTestId('range-until').fill(range.until)
    const expected = await engineRows({ level: 'models', provider: 'claude', range })
    await expect.poll(screenRows, { timeout: 15_000 }).toEqual(expected)
    await popover.screenshot('drilldown-custom.png')
    await popover.page.getByTestId('range-7d').click()
  })

  it("opens a model's projects", async () => {
    const first = popover.page.getByTestId('drill-row').first()
    openedModel = (await first.getAttribute('data-key')) ?? ''
    await first.getByRole('button').click()
    await popover.page.locator('[data-testid="drilldown"][data-level="projects"]').waitFor()
    const expected = await engineRows({ level: 'projects', provider: 'claude', model: openedModel, range: { since: addDays(today, -6), until: today } })
    await expect.poll(screenRows, { timeout: 15_000 }).toEqual(expected)
    await popover.screenshot('drilldown-projects.png')
  })

  it("opens a project's sessions", async () => {
    const first = popover.page.getByTestId('drill-row').first()
    const project = (await first.getAttribute('data-key')) ?? ''
    await first.getByRole('button').click()
    await popover.page.locator('[data-testid="drilldown"][data-level="sessions"]').waitFor()
    const expected = await engineRows({
      level: 'sessions',
      provider: 'claude',
      model: openedModel,
      project,
      range: { since: addDays(today, -6), until: today },
    })
    await expect.poll(screenRows, { timeout: 15_000 }).toEqual(expected)
  })

  it('goes back one level at a time with Esc, and to the overview with the Back button', async () => {
    await popover.page.keyboard.press('Escape')
    await popover.page.locator('[data-testid="drilldown"][data-level="projects"]').waitFor()
    await popover.page.keyboard.press('Escape')
    await popover.page.locator('[data-testid="drilldown"][data-level="models"]').waitFor()
    await popover.page.getByTestId('drill-back').click()
    await popover.page.getByTestId('overview').waitFor()
    expect(await popover.page.getByTestId('drilldown').count()).toBe(0)
  })
})
