/**
 * The tray app's figures for `npm run bench` (see bench/README.md, "Tray app"): the built popover in
 * Debian's Chromium over the e2e harness (real engine child process, loopback bridge), and the engine's
 * idle cost. Each measurement gets a fresh engine and ledger; one failing does not stop the others.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS } from '../../e2e/harness/browser.ts'
import { buildRenderer } from '../../e2e/harness/build-renderer.ts'
import { measureAppendToPaint, type AppendToPaint } from './append-to-paint.ts'
import { measureEngineIdle, type EngineIdle } from './engine-idle.ts'
import { measureFirstPaint, type FirstPaint } from './first-paint.ts'
import { measureRendererMemory, type RendererMemory } from './renderer-memory.ts'
import { makeUiHome } from './ui-home.ts'

export interface UiOptions {
  appends: number
  memoryAppends: number
  historyRequests: number
  idleSeconds: number
  seed: number
}

export interface UiFigures {
  /** Why the browser measurements did not run (no Chromium); null when they did. */
  browserSkipped: string | null
  chromium: string | null
  /** Requests of generated history under the popover's home, besides the e2e fixture. */
  historyRequests: number
  appendToPaint: AppendToPaint | null
  firstPaint: FirstPaint | null
  rendererMemory: RendererMemory | null
  engineIdle: EngineIdle | null
  /** `<measurement>: <message>` for each one that failed. */
  errors: string[]
}

/** The harness' Chromium (e2e/harness/browser.ts), plus a GC the memory test can call from the page. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] })
}

const log = (message: string): void => console.log(`[ui] ${message}`)

export async function benchUi(o: UiOptions): Promise<UiFigures> {
  const figures: UiFigures = { browserSkipped: null, chromium: null, historyRequests: 0, appendToPaint: null, firstPaint: null, rendererMemory: null, engineIdle: null, errors: [] }
  const attempt = async <T>(name: string, run: () => Promise<T>): Promise<T | null> => {
    log(`${name}…`)
    try {
      return await run()
    } catch (error) {
      figures.errors.push(`${name}: ${(error instanceof Error ? error.message : String(error)).split('\n').slice(0, 6).join('\n')}`)
      return null
    }
  }
  const homeDir = await mkdtemp(join(tmpdir(), 'tokenledger-bench-ui-'))
  try {
    log(`writing the popover's home (e2e fixture + ${o.historyRequests.toLocaleString('en-US')} Claude requests of history)…`)
    const home = await makeUiHome(homeDir, o.historyRequests, new Date(), o.seed)
    figures.historyRequests = home.historyRequests
    if (existsSync(CHROMIUM_PATH)) {
      log('building the renderer (out/renderer)…')
      await buildRenderer()
      const browser = await launch()
      figures.chromium = browser.version()
      try {
        figures.appendToPaint = await attempt(`append -> popover (${o.appends} appends)`, () => measureAppendToPaint(browser, home.fixture, o.appends))
        figures.firstPaint = await attempt('popover open -> first paint (5 loads)', () => measureFirstPaint(browser, home.fixture.home))
        figures.rendererMemory = await attempt(`renderer memory (${o.memoryAppends} appends)`, () => measureRendererMemory(browser, home.fixture, o.memoryAppends))
      } finally {
        await browser.close()
      }
    } else {
      figures.browserSkipped = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH): popover measurements skipped.`
      log(figures.browserSkipped)
    }
    // Last, with the browser gone, so nothing else competes for the two cores while the engine sleeps.
    figures.engineIdle = await attempt(`engine idle (${o.idleSeconds} s)`, () => measureEngineIdle(home.fixture.home, o.idleSeconds))
  } finally {
    await rm(homeDir, { recursive: true, force: true })
  }
  return figures
}
