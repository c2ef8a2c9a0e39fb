import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DailyReport } from '../../common/reports.ts'
import { localDate } from '../../renderer/ranges.ts'
import { launchChromium } from '../harness/browser.ts'
import { exportShell, type ExportShell } from '../harness/export-shell.ts'
import { makeHome, type FixtureHome } from '../harness/make-home.ts'
import { openPopover, tempDir, unwrap, type Popover } from '../harness/popover-harness.ts'

/**
 * Export from the popover, end to end: the panel's choices go to the app's own export code
 * (main/export-report.ts) with a save dialog answering a temp folder; each file is read back and its
 * totals compared with the engine's daily report for the same dates.
 */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let saveDir: { path: string; remove: () => Promise<void> }
let fixture: FixtureHome
let popover: Popover
let shell: ExportShell
let month: { since: string; until: string }
let daily: DailyReport

/** Texts the fixture writes into user and assistant messages (e2e/harness/log-lines.ts). */
const CONVERSATION_TEXTS = ['(prompt text not kept in fixtures)', '(response text not kept in fixtures)']

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-export-home-')
  saveDir = await tempDir('tokenledger-e2e-export-out-')
  fixture = await makeHome(home.path, new Date())
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path })
  const snapshot = await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready' && !s.empty)
  const today = localDate(new Date(snapshot.generatedAt), 'UTC')
  month = { since: `${today.slice(0, 8)}01`, until: today }
  daily = unwrap(await popover.bridge.request('report.daily', month))
  shell = exportShell(saveDir.path, browser)
  popover.bridge.setShell({ exportReport: shell.exportReport })
  await popover.page.getByTestId('overview').waitFor()
  await popover.page.getByTestId('open-export').click()
  await popover.page.getByTestId('export-panel').waitFor()
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
  await saveDir?.remove()
})

/** Picks a group and format in the panel (range: this month), exports, and waits for "Saved to …". */
async function exportVia(group: string, format: string): Promise<{ path: string; text: string; bytes: Buffer }> {
  const { page } = popover
  await page.getByTestId('export-range-month').click()
  await page.getByTestId('export-group').selectOption(group)
  await page.getByTestId('export-format').selectOption(format)
  const before = shell.proposed.length
  await page.getByTestId('export-go').click()
  await expect.poll(() => shell.proposed.length).toBe(before + 1)
  const path = join(saveDir.path, shell.proposed.at(-1)!)
  await expect.poll(() => popover.text('export-result')).toContain(`Saved to ${path} (`)
  const bytes = await readFile(path)
  return { path, text: bytes.toString('utf8'), bytes }
}

const tokenTotal = (t: DailyReport['totals']['tokens']): number => t.input + t.output + t.cacheWrite + t.cacheRead

function expectNoConversationText(text: string): void {
  for (const said of CONVERSATION_TEXTS) expect(text).not.toContain(said)
}

describe('export from the popover', () => {
  it('the fixture home does contain conversation text (so its absence from exports means something)', async () => {
    const log = await readFile(fixture.claudeTodayLog, 'utf8')
    for (const said of CONVERSATION_TEXTS) expect(log).toContain(said)
    expect(daily.totals.requests).toBeGreaterThan(0)
  })

  it("CSV by day for this month: lines and TOTAL add up to the engine's daily report, no prompt text", async () => {
    const { path, text } = await exportVia('day', 'csv')
    expect(path.endsWith(`tokenledger-${month.since}_${month.until}-by-day.csv`)).toBe(true)
    const records = parse(text, { columns: true }) as Record<string, string>[]
    const total = records.at(-1)!
    const lines = records.slice(0, -1)
    expect(total.date).toBe('TOTAL')
    expect(new Set(lines.map((r) => r.date))).toEqual(new Set(daily.days.filter((d) => d.requests > 0).map((d) => d.date)))
    expect([total.requests, total.input, total.output, total.cache_write, total.cache_read, total.reasoning, total.total_tokens].map(Number)).toEqual([
      daily.totals.requests,
      daily.totals.tokens.input,
      daily.totals.tokens.output,
      daily.totals.tokens.cacheWrite,
      daily.totals.tokens.cacheRead,
      daily.totals.tokens.reasoning,
      tokenTotal(daily.totals.tokens),
    ])
    expect(lines.reduce((sum, r) => sum + Number(r.total_tokens), 0)).toBe(tokenTotal(daily.totals.tokens))
    expect(Number(total.cost_usd)).toBe(daily.totals.costUsd)
    expect(lines.reduce((sum, r) => sum + Number(r.cost_usd || 0), 0)).toBeCloseTo(daily.totals.costUsd ?? 0, 5)
    expectNoConversationText(text)
    await popover.screenshot('export.png')
  })

  it("JSON by model: totals equal the daily report's", async () => {
    const { text } = await exportVia('model', 'json')
    const json = JSON.parse(text) as { range: { since: string; until: string }; totals: { requests: number; tokens: { total: number }; costUsd: number | null }; rows: { tokens: { total: number } }[] }
    expect(json.range).toEqual(month)
    expect([json.totals.requests, json.totals.tokens.total, json.totals.costUsd]).toEqual([daily.totals.requests, tokenTotal(daily.totals.tokens), daily.totals.costUsd])
    expect(json.rows.reduce((sum, r) => sum + r.tokens.total, 0)).toBe(tokenTotal(daily.totals.tokens))
    expectNoConversationText(text)
  })

  it('HTML invoice names the pricing registry version the engine prices with', async () => {
    const { registryVersion } = unwrap(await popover.bridge.request('pricing.catalogue', {}))
    const { text } = await exportVia('month', 'html')
    expect(registryVersion).not.toBe('')
    expect(text).toContain(`<span id="registry">${registryVersion}</span>`)
    expect(text).toContain(`<dd id="requests">${daily.totals.requests.toLocaleString('en-US')}</dd>`)
    expectNoConversationText(text)
  })

  it('PDF invoice is a real PDF document', async () => {
    const { path, bytes } = await exportVia('provider', 'pdf')
    expect(path.endsWith('-by-provider.pdf')).toBe(true)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.length).toBeGreaterThan(1024)
  })

  it('a cancelled save dialog writes nothing and shows no message', async () => {
    const { page } = popover
    const filesBefore = await readdir(saveDir.path)
    shell.answer = () => null
    try {
      const before = shell.proposed.length
      await page.getByTestId('export-format').selectOption('csv')
      await page.getByTestId('export-go').click()
      await expect.poll(() => shell.proposed.length).toBe(before + 1)
      await expect.poll(() => page.getByTestId('export-go').textContent()).toBe('Export…')
      expect(await page.getByTestId('export-result').count()).toBe(0)
      expect(await page.getByTestId('export-error').count()).toBe(0)
      expect(await readdir(saveDir.path)).toEqual(filesBefore)
    } finally {
      shell.answer = (name) => join(saveDir.path, name)
    }
  })

  it('custom dates ending before they start: a message at the end date, and nothing is exported', async () => {
    const { page } = popover
    const before = shell.proposed.length
    await page.getByTestId('export-range-custom').click()
    await page.getByTestId('export-since').fill(month.until)
    await page.getByTestId('export-until').fill('2020-01-01')
    expect(await popover.text('export-until-error')).toBe('The end date is before the start date.')
    expect(await page.getByTestId('export-go').isDisabled()).toBe(true)
    expect(shell.proposed.length).toBe(before)
    await page.getByTestId('export-until').fill(month.until)
    await page.getByTestId('export-until-error').waitFor({ state: 'detached' })
  })

  it('Back returns to the overview; no page errors along the way', async () => {
    await popover.page.getByTestId('export-back').click()
    await popover.page.getByTestId('overview').waitFor()
    expect(popover.pageErrors).toEqual([])
  })
})
