import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProviderId } from '../../common/providers.ts'
import type { ReportTokens } from '../../common/tokens.ts'
import type { UiSnapshot } from '../../common/snapshot.ts'
import { launchChromium } from '../harness/browser.ts'
import { claudeAssistantLine, claudeUserLine, type ClaudeRequest } from '../harness/log-lines.ts'
import { appendClaudeRequest, makeHome, type FixtureHome } from '../harness/make-home.ts'
import { openPopover, tempDir, unwrap, type Popover } from '../harness/popover-harness.ts'

/**
 * Preferences → Data sources against a real engine: the list is the engine's, turning an agent off
 * stops reading it (and on again catches up), a custom folder and a Cursor export picked with the
 * (stand-in) system dialog end up in the snapshot with their exact tokens, and bad input is answered
 * next to its field.
 */
let browser: Browser
let home: { path: string; remove: () => Promise<void> }
let outside: { path: string; remove: () => Promise<void> }
let fixture: FixtureHome
let popover: Popover

const FIXTURE_CSV = resolve(import.meta.dirname, '../../fixtures/cursor/tokscale-real-format/home/.tokenledger/imports/cursor/cursor-usage-2025-11-13.csv')

beforeAll(async () => {
  home = await tempDir('tokenledger-e2e-prefs-')
  outside = await tempDir('tokenledger-e2e-prefs-outside-')
  fixture = await makeHome(home.path, new Date())
  browser = await launchChromium()
  popover = await openPopover(browser, { home: home.path, pageFile: 'preferences.html#sources' })
  await popover.bridge.waitForSnapshot((s) => s.engineState === 'ready')
})

afterAll(async () => {
  await popover?.close()
  await browser?.close()
  await home?.remove()
  await outside?.remove()
})

const monthOf = (s: UiSnapshot, provider: ProviderId) => s.providers.find((p) => p.provider === provider)?.month
const tokensOf = (s: UiSnapshot, provider: ProviderId): ReportTokens | undefined => monthOf(s, provider)?.tokens
const plus = (a: ReportTokens, b: Partial<ReportTokens>): ReportTokens => ({
  input: a.input + (b.input ?? 0),
  output: a.output + (b.output ?? 0),
  cacheRead: a.cacheRead + (b.cacheRead ?? 0),
  cacheWrite: a.cacheWrite + (b.cacheWrite ?? 0),
  reasoning: a.reasoning + (b.reasoning ?? 0),
})
const snapshot = async (): Promise<UiSnapshot> => unwrap(await popover.bridge.request('snapshot.get', {}))
const row = (root: string) => popover.page.locator(`[data-testid="source-row"][data-root="${root}"]`)

describe('Preferences → Data sources', () => {
  it('lists each detected source location with whether it exists', async () => {
    const sources = unwrap(await popover.bridge.request('sources.list', {}))
    await popover.page.getByTestId('source-row').first().waitFor()
    const shown = await popover.page.getByTestId('source-row').evaluateAll((els) =>
      els.map((el) => ({ root: el.querySelector('.path')?.textContent ?? '', found: el.querySelector('.ok') !== null })),
    )
    expect(shown).toEqual(sources.map((s) => ({ root: s.root, found: s.exists })))
    // Every agent is listed, with its figures from the ledger.
    expect(new Set(sources.map((s) => s.provider))).toEqual(new Set(['claude', 'codex', 'gemini', 'opencode', 'droid', 'amp', 'cursor']))
    const claude = sources.find((s) => s.root === fixture.locations.claude)!
    expect(await row(claude.root).getByTestId('source-stats').textContent()).toContain(`${claude.files} files · ${claude.events.toLocaleString('en-US')} events · last event`)
    expect(popover.pageErrors).toEqual([])
  })

  it('turning an agent off stops reading it (its history stays); turning it on again reads what was missed', async () => {
    const { page, bridge } = popover
    const before = await snapshot()
    const claudeBefore = tokensOf(before, 'claude')!
    await page.getByTestId('provider-toggle-claude').uncheck()
    await expect.poll(() => row(fixture.locations.claude!).getAttribute('data-enabled')).toBe('false')
    expect(await page.getByTestId('provider-off-claude').textContent()).toContain('already in the ledger are kept')
    expect(unwrap(await bridge.request('settings.get', {})).settings.sources.disabledProviders).toEqual(['claude'])

    const usage = { input: 7, output: 123_457, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 }
    await appendClaudeRequest(fixture, new Date(Date.now() - 60_000), usage, 'while-off')
    // A full pass over every enabled source: the turned-off agent's new line must not be read.
    unwrap(await bridge.request('ingest.refresh', {}))
    const whileOff = await snapshot()
    expect(tokensOf(whileOff, 'claude')).toEqual(claudeBefore)
    expect(whileOff.month.tokens).toEqual(before.month.tokens)
    expect(unwrap(await bridge.request('sources.list', {})).find((s) => s.root === fixture.locations.claude)).toMatchObject({ enabled: false, events: before.sources.find((s) => s.root === fixture.locations.claude)!.events })

    await page.getByTestId('provider-toggle-claude').check()
    const after = await bridge.waitForSnapshot((s) => tokensOf(s, 'claude')?.output === claudeBefore.output + usage.output)
    expect(tokensOf(after, 'claude')).toEqual(plus(claudeBefore, { input: 7, output: 123_457 }))
    await expect.poll(() => row(fixture.locations.claude!).getAttribute('data-enabled')).toBe('true')
    expect(popover.pageErrors).toEqual([])
  })

  it('rejects a folder that does not exist next to the field, and stores nothing', async () => {
    const { page, bridge } = popover
    const stored = unwrap(await bridge.request('settings.get', {})).settings.sources
    await page.getByTestId('custom-folder-dir').fill(join(outside.path, 'no-such-folder'))
    await page.getByTestId('custom-folder-add').click()
    await expect.poll(() => popover.text('error-customFolderDir')).toBe('no such folder')
    expect(unwrap(await bridge.request('settings.get', {})).settings.sources).toEqual(stored)
    await page.getByTestId('custom-folder-dir').fill('relative/logs')
    await page.getByTestId('custom-folder-add').click()
    await expect.poll(() => popover.text('error-customFolderDir')).toBe('must be an absolute path')
  })

  it('a custom folder chosen in the dialog is read: its events appear in the snapshot with their exact tokens', async () => {
    const { page, bridge } = popover
    // Claude Code logs copied from another machine: two requests in one transcript.
    const folder = join(outside.path, 'laptop-claude')
    await mkdir(join(folder, '-home-dev-code-laptop'), { recursive: true })
    const at = Date.now() - 5 * 60_000
    const requests: ClaudeRequest[] = [1, 2].map((n) => ({
      timestamp: new Date(at + n * 1000).toISOString(),
      sessionId: 'laptop-session',
      cwd: '/home/dev/code/laptop',
      model: 'claude-sonnet-4-5-20250929',
      messageId: `msg_01laptop${n}`,
      requestId: `req_011laptop${n}`,
      uuid: `laptop-${n}`,
      usage: { input: 100 * n, output: 2_000 * n, cacheRead: 30_000 * n, cacheWrite5m: 0, cacheWrite1h: 500 * n },
    }))
    await writeFile(join(folder, '-home-dev-code-laptop', 'laptop-session.jsonl'), requests.map((r) => `${claudeUserLine(r)}\n${claudeAssistantLine(r)}\n`).join(''))

    const before = tokensOf(await snapshot(), 'claude')!
    bridge.setShell({ pickPath: (kind) => (kind === 'folder' ? folder : null) })
    await page.getByTestId('custom-folder-provider').selectOption('claude')
    await page.getByTestId('custom-folder-choose').click()
    await expect.poll(() => page.getByTestId('custom-folder-dir').inputValue()).toBe(folder)
    await page.getByTestId('custom-folder-add').click()

    const added = { input: 300, output: 6_000, cacheRead: 90_000, cacheWrite: 1_500 }
    const after = await bridge.waitForSnapshot((s) => tokensOf(s, 'claude')?.output === before.output + added.output)
    expect(tokensOf(after, 'claude')).toEqual(plus(before, added))
    expect(after.sources.find((s) => s.root === folder)).toMatchObject({ provider: 'claude', custom: true, enabled: true, exists: true, files: 1, events: 2, account: folder })
    await expect.poll(() => row(folder).getAttribute('data-custom')).toBe('true')
    expect(unwrap(await bridge.request('settings.get', {})).settings.sources.customFolders).toEqual([{ provider: 'claude', dir: folder }])
  })

  it('imports a Cursor usage CSV chosen in the dialog: the result shows its rows, and the Cursor figures include it', async () => {
    const { page, bridge } = popover
    // The fixture export, re-dated to today so this month's figures move by exactly its tokens.
    const today = new Date().toISOString().slice(0, 10)
    const csv = (await readFile(FIXTURE_CSV, 'utf8')).replaceAll('2025-11-13T18:36:05.846Z', `${today}T00:00:02.000Z`).replaceAll('2025-11-13T13:35:04.658Z', `${today}T00:00:01.000Z`)
    const download = join(outside.path, 'usage-events.csv')
    await writeFile(download, csv)
    const notCursor = join(outside.path, 'contacts.csv')
    await writeFile(notCursor, 'id,name\n1,ana\n')

    bridge.setShell({ pickPath: (kind) => (kind === 'cursor-csv' ? notCursor : null) })
    await page.getByTestId('cursor-import').click()
    await expect.poll(() => popover.text('error-cursor-import')).toContain(`${notCursor} is not a Cursor usage export: missing columns`)

    const before = await snapshot()
    bridge.setShell({ pickPath: (kind) => (kind === 'cursor-csv' ? download : null) })
    await page.getByTestId('cursor-import').click()
    await page.getByTestId('cursor-import-result').waitFor()
    expect([await popover.value('cursor-import-rows'), await popover.value('cursor-import-new'), await popover.value('cursor-import-cost')]).toEqual([2, 2, 0.22])
    expect(await popover.text('cursor-import-new')).toBe('2 new, 0 already in the ledger')

    const fixtureTokens = { input: 9_038, output: 22_894, cacheRead: 172_855, cacheWrite: 28_342 }
    const after = await bridge.waitForSnapshot((s) => monthOf(s, 'cursor')?.requests === (monthOf(before, 'cursor')?.requests ?? 0) + 2)
    expect(tokensOf(after, 'cursor')).toEqual(plus(tokensOf(before, 'cursor')!, fixtureTokens))
    await popover.screenshot('prefs-sources.png')
    expect(popover.pageErrors).toEqual([])
  })

  it('rebuilds the ledger after a confirmation and reports the counts', async () => {
    const { page } = popover
    const before = await snapshot()
    await page.getByTestId('rebuild').click()
    expect(await popover.text('rebuild-confirm')).toContain('are kept')
    await page.getByTestId('rebuild-confirm-yes').click()
    await page.getByTestId('rebuild-result').waitFor()
    // Everything was read before: nothing new, and the totals are what they were.
    expect(await popover.text('rebuild-new')).toBe('0')
    // Every file of every location that is read, as the list counts them.
    const sources = unwrap(await popover.bridge.request('sources.list', {}))
    expect(Number((await popover.text('rebuild-files')).replaceAll(',', ''))).toBe(sources.filter((s) => s.enabled).reduce((n, s) => n + s.files, 0))
    expect((await snapshot()).month.tokens).toEqual(before.month.tokens)
    expect(popover.pageErrors).toEqual([])
  })
})
