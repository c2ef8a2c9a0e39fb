import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { RENDERER_OUT_DIR } from './build-renderer.ts'
import { startEngineBridge, type EngineBridge } from './engine-bridge.ts'
import { installTokenLedgerApi } from './page-api.ts'
import { startStaticServer, type StaticServer } from './static-server.ts'

/** Screenshots of every tested screen (git-ignored). */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../out')

/** The locale and zone the tests read numbers in; the engine runs in UTC too. */
export const TEST_LOCALE = 'en-US'

export interface PopoverOptions {
  readonly home: string
  /** `index.html` (the popover) or `preferences.html`. */
  readonly pageFile?: string | undefined
  readonly restartDelayMs?: number | undefined
}

export interface Popover {
  readonly page: Page
  readonly bridge: EngineBridge
  readonly origin: string
  /** Console errors and uncaught exceptions in the page (CSP violations land here too). */
  readonly pageErrors: string[]
  /** Text of the element with this `data-testid`. */
  text(testId: string): Promise<string>
  /** The exact number behind a formatted figure (its `data-value`). */
  value(testId: string): Promise<number>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/**
 * Opens the built popover in Chromium, backed by a real engine reading `home` into a fresh temporary
 * ledger: what a user would see on first launch with those logs on disk.
 */
export async function openPopover(browser: Browser, options: PopoverOptions): Promise<Popover> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokenledger-e2e-db-'))
  const cleanup: Array<() => Promise<unknown>> = [() => rm(dataDir, { recursive: true, force: true })]
  const close = async (): Promise<void> => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined)
  }
  try {
    const server: StaticServer = await startStaticServer(RENDERER_OUT_DIR)
    cleanup.push(() => server.close())
    const bridge = await startEngineBridge({
      home: options.home,
      dbPath: join(dataDir, 'ledger.sqlite'),
      timezone: 'UTC',
      watch: true,
      server: server.server,
      restartDelayMs: options.restartDelayMs,
    })
    cleanup.push(() => bridge.close())
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 380, height: 720 },
      locale: TEST_LOCALE,
      timezoneId: 'UTC',
      colorScheme: 'light',
    })
    cleanup.push(() => context.close())
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text())
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.addInitScript(installTokenLedgerApi, { wsUrl: bridge.wsUrl, origin: server.origin })
    await page.goto(`${server.origin}/${options.pageFile ?? 'index.html'}`)
    return {
      page,
      bridge,
      origin: server.origin,
      pageErrors,
      text: async (testId) => (await page.getByTestId(testId).first().textContent()) ?? '',
      value: async (testId) => Number(await page.getByTestId(testId).first().getAttribute('data-value')),
      async screenshot(name) {
        await mkdir(SCREENSHOT_DIR, { recursive: true })
        const path = join(SCREENSHOT_DIR, name)
        await page.screenshot({ path, fullPage: true })
        return path
      },
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}

/** A temporary directory removed by the returned function. */
export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/** The result of an engine call, or the engine's own error message as a test failure. */
export function unwrap<T>(outcome: { ok: true; result: T } | { ok: false; error: { message: string } }): T {
  if (!outcome.ok) throw new Error(`engine error: ${outcome.error.message}`)
  return outcome.result
}
