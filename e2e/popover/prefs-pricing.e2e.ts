import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProviderId } from '../../common/providers.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { formatInteger, formatMultiple, formatUsd, formatUsdPerMtok } from '../../renderer/format.ts'
import { addDays } from '../../renderer/ranges.ts'
import { launchChromium } from '../harness/browser.ts'
import { makeHome } from '../harness/make-home.ts'
import { openPopover, tempDir, TEST_LOCALE, unwrap, type Popover } from '../harness/popover-harness.ts'

/**
 * Preferences → Plans and Pricing against a real engine on the fixture home: a plan added through the
 * form replaces Claude's list cost by the plan's prorated fee in the effective figures (and the popover
 * shows them), an attribution rule takes a project out of the plan, an input-price override re-prices
 * today and the month by exactly the extra input cost, and invalid input is refused next to its field.
 * Expected figures come from the engine's own reports on the same ledger and hand arithmetic.
 */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let popover: Popover
/** The first snapshot: no plans, no overrides. */
let initial: UiSnapshot
let today: string
let monthStart: string
let daysInMonth: number

const SONNET = 'claude-sonnet-4-5'
/** Claude Sonnet 4.5's input price in the bundled registry, US$ per million tokens (Anthropic's list price). */
const SONNET_INPUT_USD = 3

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-pricing-')
  await makeHome(home.path, new Date())
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path, pageFile: 'preferences.html#plans' })
  initial = await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
  today = initial.generatedAt.slice(0, 10) // the engine runs in UTC
  monthStart = `${today.slice(0, 8)}01`
  daysInMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0)).getUTCDate()
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
})

const snapshotNow = async (): Promise<UiSnapshot> => unwrap(await popover.bridge.request('snapshot.get', {}))
const card = (s: UiSnapshot, provider: ProviderId) => s.providers.find((p) => p.provider === provider)!

/** Claude Code's Sonnet 4.5 usage over local dates, from the engine's daily report (model lines are canonical ids). */
async function sonnetUsage(since: string, until: string): Promise<{ requests: number; input: number }> {
  const report = unwrap(await popover.bridge.request('report.daily', { since, until, providers: ['claude'] }))
  const lines = report.days.flatMap((d) => d.models).filter((m) => m.model === SONNET)
  return { requests: lines.reduce((n, m) => n + m.requests, 0), input: lines.reduce((n, m) => n + m.tokens.input, 0) }
}

describe('Preferences → Plans', () => {
  it('a catalogue plan fills the form; once added, its prorated fee replaces Claude’s list cost in the effective figures', async () => {
    const { page, bridge } = popover
    await page.getByTestId('plan-form').waitFor()
    expect(await popover.text('plans-empty')).toContain('No plans')
    await page.getByTestId('plan-catalogue').selectOption('claude-pro')
    expect(await page.getByTestId('plan-name-input').inputValue()).toBe('Claude Pro')
    expect(await page.getByTestId('plan-provider').inputValue()).toBe('claude')
    expect(await page.getByTestId('plan-fee-input').inputValue()).toBe('20')
    expect(await popover.text('catalogue-note')).toContain('List price $20.00/month or $200.00/year · official')
    await page.getByTestId('plan-start').fill(monthStart)
    await page.getByTestId('plan-add').click()
    await page.getByTestId('plan-row').waitFor()

    const { plans } = unwrap(await bridge.request('plans.list', {}))
    expect(plans).toEqual([{ id: expect.any(String), name: 'Claude Pro', catalogueId: 'claude-pro', provider: 'claude', account: null, billing: 'monthly', feeUsd: 20, startDate: monthStart, endDate: null }])

    const after = await bridge.waitForSnapshot((s) => s.valueVsPaid !== null)
    // The plan starts on the 1st, so its billing cycle is the calendar month: the month so far pays
    // $20 × (days so far / days in the month), today 1/days of it.
    const dayOfMonth = Number(today.slice(8, 10))
    const monthFee = (20 * dayOfMonth) / daysInMonth
    const claude = card(initial, 'claude')
    expect(claude.month.costUsd).toBeGreaterThan(0)
    // Effective month = everything else as before + the fee instead of Claude's per-token cost.
    expect(after.month.effectiveCostUsd).toBeCloseTo(initial.month.effectiveCostUsd - claude.month.effectiveCostUsd + monthFee, 5)
    expect(after.today.effectiveCostUsd).toBeCloseTo(initial.today.effectiveCostUsd - claude.today.effectiveCostUsd + 20 / daysInMonth, 5)
    expect(card(after, 'claude').month.effectiveCostUsd).toBeCloseTo(monthFee, 5)
    // List-price cost does not change; it is the plan's value.
    expect(after.month.costUsd).toBe(initial.month.costUsd)
    expect(after.valueVsPaid!.valueUsd).toBeCloseTo(claude.month.costUsd, 5)
    expect(after.valueVsPaid!.feesUsd).toBeCloseTo(monthFee, 5)
    expect(after.valueVsPaid!.multiple).toBeCloseTo(claude.month.costUsd / monthFee, 1)

    // The plan's row shows its last-30-days value from the snapshot: the covered days are this month's.
    const value = after.planValues!.find((v) => v.planId === plans[0]!.id)!
    expect(value.feeUsd).toBeCloseTo((20 * Math.min(dayOfMonth, 30)) / daysInMonth, 5)
    await expect.poll(() => popover.value('plan-value')).toBe(value.valueUsd)
    expect(await popover.text('plan-value')).toBe(`${formatUsd(value.valueUsd, TEST_LOCALE)} for ${formatUsd(value.feeUsd, TEST_LOCALE)} ${formatMultiple(value.multiple!, TEST_LOCALE)}`)
    expect(await popover.text('plan-dates')).toBe(`${monthStart} – ongoing`)
    await page.evaluate('window.scrollTo(0, 0)')
    await popover.screenshot('prefs-plans.png')
  })

  it('the popover shows the plan’s value against its fee and the new blended rate', async () => {
    const { page } = popover
    const s = await snapshotNow()
    await page.goto(`${popover.origin}/index.html`)
    await page.getByTestId('value-vs-paid').waitFor()
    const v = s.valueVsPaid!
    expect(await popover.text('value-vs-paid')).toBe(`${formatUsd(v.valueUsd, TEST_LOCALE)} / ${formatUsd(v.feesUsd, TEST_LOCALE)} ${formatMultiple(v.multiple!, TEST_LOCALE)}`)
    expect(await popover.text('blended-rate')).toBe(formatUsdPerMtok(s.blendedUsdPerMtok!, TEST_LOCALE))
    expect(s.blendedUsdPerMtok).not.toBe(initial.blendedUsdPerMtok)
    expect(popover.pageErrors).toEqual([])
  })

  it('an API rule takes one project out of the plan; rules keep their order and can be moved and removed', async () => {
    const { page, bridge } = popover
    await page.goto(`${popover.origin}/preferences.html#plans`)
    await page.getByTestId('rule-form').waitFor()
    const s0 = await snapshotNow()
    const projects = unwrap(await bridge.request('report.drilldown', { level: 'projects', provider: 'claude', range: { since: monthStart, until: today } })).rows
    const project = projects.find((p) => (p.costUsd ?? 0) > 0)!

    await page.getByTestId('rule-provider').selectOption('claude')
    await page.getByTestId('rule-project').fill(project.key)
    await page.getByTestId('rule-billing-input').selectOption('api')
    await page.getByTestId('rule-add').click()
    await page.getByTestId('rule-row').waitFor()
    expect(await popover.text('rule-billing')).toBe('paid per token')
    // That project's usage is now paid at list price on top of the (unchanged) fee.
    const s1 = await bridge.waitForSnapshot((s) => s.valueVsPaid !== null && s.valueVsPaid.valueUsd < s0.valueVsPaid!.valueUsd)
    expect(s1.month.effectiveCostUsd).toBeCloseTo(s0.month.effectiveCostUsd + project.costUsd!, 5)
    expect(s1.valueVsPaid!.valueUsd).toBeCloseTo(s0.valueVsPaid!.valueUsd - project.costUsd!, 5)
    expect(s1.valueVsPaid!.feesUsd).toBe(s0.valueVsPaid!.feesUsd)

    // A second rule (any agent → the active plan) goes last; moving it up puts it first, so it wins.
    await page.getByTestId('rule-billing-input').selectOption('plan')
    await page.getByTestId('rule-add').click()
    await expect.poll(() => page.getByTestId('rule-row').count()).toBe(2)
    const [apiRule, planRule] = unwrap(await bridge.request('plans.list', {})).rules
    expect([apiRule!.billing, planRule!.billing]).toEqual(['api', 'plan'])
    await page.getByTestId('rule-row').nth(1).getByTestId('rule-up').click()
    await expect.poll(async () => unwrap(await bridge.request('plans.list', {})).rules.map((r) => r.id)).toEqual([planRule!.id, apiRule!.id])
    await expect.poll(() => page.getByTestId('rule-billing').first().textContent()).toBe('covered by its agent’s active plan')
    const s2 = await bridge.waitForSnapshot((s) => s.valueVsPaid !== null && Math.abs(s.month.effectiveCostUsd - s0.month.effectiveCostUsd) < 1e-5)
    expect(s2.valueVsPaid!.valueUsd).toBeCloseTo(s0.valueVsPaid!.valueUsd, 5)

    for (let n = 2; n > 0; n--) {
      await page.getByTestId('rule-remove').first().click()
      await expect.poll(() => page.getByTestId('rule-row').count()).toBe(n - 1)
    }
    expect(unwrap(await bridge.request('plans.list', {})).rules).toEqual([])
    expect(popover.pageErrors).toEqual([])
  })
})

describe('Preferences → Pricing', () => {
  beforeAll(async () => {
    await popover.page.getByTestId('tab-pricing').click()
    await popover.page.getByTestId('override-form').waitFor()
  })

  it('typing a model shows its registry price and usage; an input override re-prices today and the month by the extra input cost', async () => {
    const { page, bridge } = popover
    const catalogue = unwrap(await bridge.request('pricing.catalogue', {}))
    await expect.poll(() => popover.text('registry-version')).toBe(catalogue.registryVersion)
    expect(await popover.text('overrides-empty')).toContain('No overrides')

    await page.getByTestId('override-model-input').fill(SONNET)
    await page.getByTestId('override-provider-input').selectOption('claude')
    const lookup = unwrap(await bridge.request('pricing.lookup', { provider: 'claude', model: SONNET }))
    expect(lookup.registryPrices).toEqual({ input: SONNET_INPUT_USD, output: 15, cacheRead: 0.3, cacheWrite5m: 3.75, cacheWrite1h: 6 })
    // All of Claude Code's Sonnet usage, every logged spelling (the fixture spans the last 30 days).
    const allTime = await sonnetUsage(addDays(today, -40), today)
    expect(lookup.affected.events).toBe(allTime.requests)
    await expect.poll(() => popover.text('lookup-registry')).toContain('input $3.00 · output $15.00 · cache read $0.30')
    await expect.poll(() => popover.value('lookup-affected')).toBe(allTime.requests)
    expect(await page.getByTestId('override-price-input').getAttribute('placeholder')).toBe('3')

    const month = await sonnetUsage(monthStart, today)
    const day = await sonnetUsage(today, today)
    expect(day.input).toBeGreaterThan(0)
    const s0 = await snapshotNow()
    await page.getByTestId('override-price-input').fill(String(2 * SONNET_INPUT_USD))
    await page.getByTestId('override-from').fill(monthStart)
    await page.getByTestId('override-add').click()
    await page.getByTestId('override-row').waitFor()

    // Doubling the input price adds exactly input tokens × $3 / 1M; nothing else changes.
    const s1 = await bridge.waitForSnapshot((s) => s.today.costUsd > s0.today.costUsd)
    expect(s1.today.costUsd).toBeCloseTo(s0.today.costUsd + (day.input * SONNET_INPUT_USD) / 1e6, 5)
    expect(s1.month.costUsd).toBeCloseTo(s0.month.costUsd + (month.input * SONNET_INPUT_USD) / 1e6, 5)
    // Claude's usage is covered by the plan: worth more at list price, paid the same.
    expect(s1.valueVsPaid!.valueUsd).toBeCloseTo(s0.valueVsPaid!.valueUsd + (month.input * SONNET_INPUT_USD) / 1e6, 5)
    expect(s1.month.effectiveCostUsd).toBeCloseTo(s0.month.effectiveCostUsd, 5)

    const [view] = unwrap(await bridge.request('overrides.list', {}))
    expect(view).toMatchObject({ provider: 'claude', model: SONNET, canonicalModel: SONNET, prices: { input: 6 }, effectiveFrom: monthStart, effectiveUntil: null })
    expect(view!.affected.events).toBe(month.requests)
    expect(await popover.text('override-input')).toBe('$6.00')
    expect(await popover.text('override-registry-input')).toBe('$3.00')
    expect(await popover.text('override-output')).toBe('registry')
    expect(await popover.text('override-dates')).toBe(`from ${monthStart}`)
    expect(await popover.value('override-affected')).toBe(month.requests)
    expect(await popover.text('override-affected')).toContain(`Re-prices ${formatInteger(month.requests, TEST_LOCALE)} events`)
    expect(popover.pageErrors).toEqual([])
  })

  it('refuses a negative price, an end before the start and an unknown model next to the field, saving nothing', async () => {
    const { page, bridge } = popover
    const stored = unwrap(await bridge.request('overrides.list', {}))
    const submit = async (): Promise<void> => {
      await page.getByTestId('override-add').click()
    }

    await page.getByTestId('override-model-input').fill(SONNET)
    await page.getByTestId('override-price-input').fill('-1')
    await submit()
    await expect.poll(() => popover.text('error-prices.input')).toBe('a price cannot be negative')
    expect(unwrap(await bridge.request('overrides.list', {}))).toEqual(stored)

    const yesterday = addDays(today, -1)
    await page.getByTestId('override-price-input').fill('1')
    await page.getByTestId('error-prices.input').waitFor({ state: 'detached' })
    await page.getByTestId('override-from').fill(today)
    await page.getByTestId('override-until').fill(yesterday)
    await submit()
    await expect.poll(() => popover.text('error-effectiveUntil')).toBe(`${yesterday} is before effectiveFrom ${today}`)
    expect(unwrap(await bridge.request('overrides.list', {}))).toEqual(stored)

    await page.getByTestId('override-from').fill('')
    await page.getByTestId('override-until').fill('')
    await page.getByTestId('override-model-input').fill('claude-nimbus-9-preview')
    await expect.poll(() => popover.text('lookup-registry')).toContain('Not in the price registry')
    await submit()
    await expect.poll(() => popover.text('error-model')).toContain('unknown model "claude-nimbus-9-preview"')
    expect(await popover.text('error-model')).toContain('give at least prices.input and prices.output')
    expect(unwrap(await bridge.request('overrides.list', {}))).toEqual(stored)
    await page.evaluate('window.scrollTo(0, 0)')
    await popover.screenshot('prefs-pricing.png')
    expect(popover.pageErrors).toEqual([])
  })

  it('removing the override restores the registry price everywhere', async () => {
    const { page, bridge } = popover
    const s0 = await snapshotNow()
    const day = await sonnetUsage(today, today)
    await page.getByTestId('override-remove').click()
    await page.getByTestId('overrides-empty').waitFor()
    const s1 = await bridge.waitForSnapshot((s) => s.today.costUsd < s0.today.costUsd)
    expect(s1.today.costUsd).toBeCloseTo(s0.today.costUsd - (day.input * SONNET_INPUT_USD) / 1e6, 5)
    expect(unwrap(await bridge.request('overrides.list', {}))).toEqual([])
    expect(popover.pageErrors).toEqual([])
  })
})
