import type { Browser, CDPSession } from 'playwright-core'
import { appendClaudeRequest, type FixtureHome } from '../../e2e/harness/make-home.ts'
import { collectGarbage } from './page-probes.ts'
import { openReadyPopover, TODAY_TEST_ID } from './ready-popover.ts'

/** The renderer's footprint after a full GC, at one point of the simulated hour. */
export interface MemorySample {
  /** Share of the simulated hour done, 0..1. */
  progress: number
  appends: number
  jsHeapUsedBytes: number
  jsHeapTotalBytes: number
  domNodes: number
  eventListeners: number
}

export interface RendererMemory {
  appends: number
  /** Simulated seconds between two requests (`appends` × this = the hour). */
  cadenceS: number
  wallMs: number
  /** True when `window.gc()` was available (Chromium started with --expose-gc); CDP's GC runs anyway. */
  exposedGc: boolean
  samples: MemorySample[]
  /** JS heap at the end minus at the start, after GC. */
  growthBytes: number | null
  /**
   * JS heap at the end minus at 25 %: the first updates compile and cache code once (V8 counts code in
   * the heap), so a leak shows as growth after that, one snapshot at a time.
   */
  steadyGrowthBytes: number | null
}

const CHECKPOINTS = [0, 0.25, 0.5, 0.75, 1]

async function sample(cdp: CDPSession, progress: number, appends: number): Promise<MemorySample> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN
  return {
    progress,
    appends,
    jsHeapUsedBytes: metric('JSHeapUsedSize'),
    jsHeapTotalBytes: metric('JSHeapTotalSize'),
    domNodes: metric('Nodes'),
    eventListeners: metric('JSEventListeners'),
  }
}

/**
 * Renderer memory after an hour of activity, compressed: `appends` requests (720 = one every 5 s for an
 * hour) are appended one after another, each waited for until the popover shows it, so the renderer
 * receives and renders as many real engine snapshots as it would in that hour. The heap is measured
 * after a forced GC at 0, 25, 50, 75 and 100 %; a flat line means nothing accumulates per snapshot.
 * (Wall-clock work, like the 1 s countdown tick, is not compressed.)
 */
export async function measureRendererMemory(browser: Browser, fixture: FixtureHome, appends: number, cadenceS = 5): Promise<RendererMemory> {
  const { popover, snapshot } = await openReadyPopover(browser, fixture.home)
  const { page, bridge } = popover
  try {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const exposedGc = await page.evaluate(collectGarbage)
    const samples = [await sample(cdp, 0, 0)]
    const base = snapshot.today.requests
    const runId = `${process.pid}${Date.now()}`
    const t0 = performance.now()
    const checkpoints = CHECKPOINTS.slice(1).map((p) => ({ p, at: Math.round(p * appends) }))
    for (let i = 1; i <= appends; i++) {
      const usage = { input: 30, output: 500 + (i % 700), cacheRead: 20_000 + i, cacheWrite5m: 0, cacheWrite1h: 100 }
      await appendClaudeRequest(fixture, new Date(), usage, `${runId}m${i}`)
      const next = await bridge.waitForSnapshot((s) => s.today.requests >= base + i, 10_000)
      const value = String(next.today.costUsd)
      await page.waitForFunction(
        (a) => Reflect.get(globalThis, 'document').querySelector(`[data-testid="${a.testId}"]`)?.getAttribute('data-value') === a.value,
        { testId: TODAY_TEST_ID, value },
        { timeout: 10_000 },
      )
      for (const c of checkpoints) {
        if (c.at === i) {
          await page.evaluate(collectGarbage)
          samples.push(await sample(cdp, c.p, i))
        }
      }
    }
    const wallMs = performance.now() - t0
    const first = samples[0]
    const quarter = samples.find((s) => s.progress === 0.25)
    const last = samples.at(-1)
    return {
      appends,
      cadenceS,
      wallMs,
      exposedGc,
      samples,
      growthBytes: first === undefined || last === undefined ? null : last.jsHeapUsedBytes - first.jsHeapUsedBytes,
      steadyGrowthBytes: quarter === undefined || last === undefined ? null : last.jsHeapUsedBytes - quarter.jsHeapUsedBytes,
    }
  } finally {
    await popover.close()
  }
}
