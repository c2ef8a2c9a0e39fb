import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isProviderId, PROVIDER_IDS, PROVIDER_LABELS, type ProviderId } from '../../common/providers.ts'
import type { DailyReport, DrilldownQuery, ModelLine } from '../../common/reports.ts'
import { addReportTokens, emptyReportTokens, type ReportTokens } from '../../common/tokens.ts'
import { formatUsd } from '../../renderer/format.ts'
import { localDate } from '../../renderer/ranges.ts'
import { launchChromium } from '../harness/browser.ts'
import { makeHome, type FixtureHome } from '../harness/make-home.ts'
import { openPopover, tempDir, TEST_LOCALE, unwrap, type Popover } from '../harness/popover-harness.ts'

/**
 * A home with every supported agent (Claude Code, Codex, Gemini CLI, Factory Droid, Amp, OpenCode, Cursor
 * import): each gets a card whose figures are the engine's own report for it, each location is listed as
 * found, and Droid's breakdown counts session updates, not requests.
 */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let fixture: FixtureHome
let popover: Popover
let today: string
let monthStart: string

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-all-')
  fixture = await makeHome(home.path, new Date(), 7, { allAgents: true })
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path })
  const snapshot = await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
  today = localDate(new Date(snapshot.generatedAt), 'UTC')
  monthStart = `${today.slice(0, 8)}01`
  await popover.page.getByTestId('overview').waitFor()
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
})

interface ProviderFigures {
  tokens: ReportTokens
  /** Sum of the priced model lines; null when none is priced. */
  costUsd: number | null
}

/** The engine's figures per provider, summed from the report's model lines. */
function perProvider(lines: readonly ModelLine[]): Map<ProviderId, ProviderFigures> {
  const out = new Map<ProviderId, ProviderFigures>()
  for (const line of lines) {
    const figures = out.get(line.provider) ?? { tokens: emptyReportTokens(), costUsd: null }
    addReportTokens(figures.tokens, line.tokens)
    if (line.costUsd !== null) figures.costUsd = (figures.costUsd ?? 0) + line.costUsd
    out.set(line.provider, figures)
  }
  return out
}

async function monthReport(): Promise<DailyReport> {
  return unwrap(await popover.bridge.request('report.daily', { since: monthStart, until: today }))
}

async function monthByProvider(): Promise<Map<ProviderId, ProviderFigures>> {
  return perProvider((await monthReport()).days.flatMap((d) => d.models))
}

async function todayByProvider(): Promise<Map<ProviderId, ProviderFigures>> {
  return perProvider((await monthReport()).days.filter((d) => d.date === today).flatMap((d) => d.models))
}

/** What a cost figure reads when the engine says `costUsd` (a card never shows unpriced usage as $0). */
function costText(costUsd: number | null | undefined): string {
  return costUsd === null || costUsd === undefined ? 'unpriced' : formatUsd(costUsd, TEST_LOCALE)
}

const sorted = (ids: Iterable<string>): string[] => [...ids].sort()

/** How the Droid breakdown counts: Droid records one running total per session, not requests. */
function sessionUpdates(n: number): string {
  return n === 1 ? '1 session update' : `${n} session updates`
}

/** The source rows of the popover's sources panel. */
async function shownSources(): Promise<Array<{ agent: string; root: string; found: boolean }>> {
  return popover.page.getByTestId('source-row').evaluateAll((els) =>
    els.map((el) => ({
      agent: el.querySelector('.row-label')?.textContent ?? '',
      root: el.querySelector('.path')?.textContent ?? '',
      found: el.querySelector('.ok') !== null,
    })),
  )
}

/** Each agent's folder the fixture wrote into, as a found source row should show it. */
function writtenLocations(): Array<{ agent: string; root: string | undefined; found: boolean }> {
  return PROVIDER_IDS.map((p) => ({ agent: PROVIDER_LABELS[p], root: fixture.locations[p], found: true }))
}

describe('popover with every supported agent', () => {
  it('reports usage from every agent this month, with one card each', async () => {
    const cards = await popover.page
      .locator('[data-testid^="provider-card-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')?.replace('provider-card-', '') ?? ''))
    expect(sorted((await monthByProvider()).keys())).toEqual(sorted(PROVIDER_IDS))
    expect(sorted(Object.keys(fixture.locations))).toEqual(sorted(PROVIDER_IDS))
    expect(sorted(cards)).toEqual(sorted(PROVIDER_IDS))
  })

  it.each(PROVIDER_IDS)('shows %s month tokens per bucket as the engine reports them', async (provider) => {
    const tokens = (await monthByProvider()).get(provider)?.tokens
    const onScreen = {
      input: await popover.value(`provider-${provider}-tokens-input`),
      output: await popover.value(`provider-${provider}-tokens-output`),
      cacheRead: await popover.value(`provider-${provider}-tokens-cache-read`),
      cacheWrite: await popover.value(`provider-${provider}-tokens-cache-write`),
    }
    expect(onScreen).toEqual({ input: tokens?.input, output: tokens?.output, cacheRead: tokens?.cacheRead, cacheWrite: tokens?.cacheWrite })
  })

  it.each(PROVIDER_IDS)('shows %s month spend as the engine reports it', async (provider) => {
    const cost = (await monthByProvider()).get(provider)?.costUsd
    expect(await popover.text(`provider-${provider}-month-cost`)).toBe(costText(cost))
    // The snapshot and the report round money independently to micro-dollars.
    expect(await popover.value(`provider-${provider}-month-cost`)).toBeCloseTo(cost ?? Number.NaN, 5)
  })

  it.each(PROVIDER_IDS)('shows %s spend today as the engine reports it', async (provider) => {
    const cost = (await todayByProvider()).get(provider)?.costUsd
    expect(await popover.text(`provider-${provider}-today-cost`)).toBe(costText(cost))
    expect(await popover.value(`provider-${provider}-today-cost`)).toBeCloseTo(cost ?? Number.NaN, 5)
  })

  it("lists each agent's location as found in the sources panel", async () => {
    await popover.page.getByTestId('source-health').locator('summary').click()
    const shown = await shownSources()
    expect(shown).toEqual(expect.arrayContaining(writtenLocations()))
    const sources = unwrap(await popover.bridge.request('sources.list', {}))
    expect(shown.map((s) => ({ root: s.root, found: s.found }))).toEqual(sources.map((s) => ({ root: s.root, found: s.exists })))
    expect(await popover.page.getByTestId('source-health').locator('summary .muted').textContent()).toBe(`${PROVIDER_IDS.length} found`)
  })

  it('renders every agent without console errors or CSP violations', async () => {
    await popover.screenshot('all-agents.png')
    expect(popover.pageErrors).toEqual([])
  })

  it("counts Droid's breakdown rows in session updates, not requests", async () => {
    await popover.page.getByTestId('provider-card-droid').getByRole('button', { name: /show models/ }).click()
    await popover.page.locator('[data-testid="drilldown"][data-level="models"]').waitFor()
    const query: DrilldownQuery = { level: 'models', provider: 'droid', range: { since: monthStart, until: today } }
    const result = unwrap(await popover.bridge.request('report.drilldown', query))
    const expected = result.rows.map((r) => ({ key: r.key, cost: String(r.costUsd ?? 'unpriced'), count: sessionUpdates(r.requests) }))
    const screenRows = () =>
      popover.page.getByTestId('drill-row').evaluateAll((els) =>
        els.map((el) => ({
          key: el.getAttribute('data-key') ?? '',
          cost: el.querySelector('[data-testid="drill-cost"]')?.getAttribute('data-value') ?? '',
          count: (el.querySelector('[data-testid="drill-requests"]')?.parentElement?.textContent ?? '').split(' · ')[0]?.trim() ?? '',
        })),
      )
    await expect.poll(screenRows, { timeout: 15_000 }).toEqual(expected)
    expect(await popover.text('drill-title')).toBe('Factory Droid · models')
    expect((await popover.page.getByTestId('drilldown').textContent()) ?? '').not.toMatch(/request/i)
    await popover.page.getByTestId('drill-back').click()
    await popover.page.getByTestId('overview').waitFor()
  })

  it("lists each agent's location as found on the preferences page", async () => {
    await popover.page.goto(`${popover.origin}/preferences.html#sources`)
    await popover.page.getByTestId('source-row').first().waitFor()
    // Preferences groups locations under their agent: the agent is the row's data-provider.
    const rows = await popover.page.getByTestId('source-row').evaluateAll((els) =>
      els.map((el) => ({ provider: el.getAttribute('data-provider') ?? '', root: el.querySelector('.path')?.textContent ?? '', found: el.querySelector('.ok') !== null })),
    )
    const shown = rows.map((r) => ({ agent: isProviderId(r.provider) ? PROVIDER_LABELS[r.provider] : r.provider, root: r.root, found: r.found }))
    expect(shown).toEqual(expect.arrayContaining(writtenLocations()))
    expect(popover.pageErrors).toEqual([])
  })
})
