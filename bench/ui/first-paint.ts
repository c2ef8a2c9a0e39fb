import type { Browser } from 'playwright-core'
import { median } from '../measure.ts'
import { hasBothPaintEntries, probeFirstNumbers, readLoadTimings, type LoadTimings, type NumbersShown } from './page-probes.ts'
import { openReadyPopover, TODAY_TEST_ID } from './ready-popover.ts'

/** One load of the popover page, every figure in ms from its navigation start. */
export interface PopoverLoad extends LoadTimings {
  /** The first snapshot is rendered: the today figure exists in the DOM. */
  numbersDomMs: number | null
  /** …and the frame showing it is done. */
  numbersPaintedMs: number | null
}

export interface FirstPaint {
  loads: PopoverLoad[]
  median: PopoverLoad
}

const PROBE_KEY = '__benchNumbersShown'

const medianOf = (loads: readonly PopoverLoad[], pick: (l: PopoverLoad) => number | null): number | null => {
  const xs = loads.map(pick).filter((x): x is number => x !== null)
  return xs.length === 0 ? null : median(xs)
}

/**
 * Popover open → first paint and → numbers shown. The engine is up and idle (as when the user clicks
 * the tray icon); each load is a fresh document (page reload: scripts fetched again, `window.tokenledger`
 * re-installed), so it pays for parsing the bundle, `snapshot.get` over the bridge and the first render.
 * The load made while opening (the engine still backfilling) is not counted.
 */
export async function measureFirstPaint(browser: Browser, home: string, loads = 5): Promise<FirstPaint> {
  const { popover } = await openReadyPopover(browser, home)
  const { page } = popover
  try {
    await page.addInitScript(probeFirstNumbers, { testId: TODAY_TEST_ID, key: PROBE_KEY })
    const results: PopoverLoad[] = []
    for (let i = 0; i < loads; i++) {
      await page.reload({ waitUntil: 'load' })
      await page.waitForFunction((key) => ((Reflect.get(globalThis, key) as NumbersShown | undefined)?.frameMs ?? null) !== null, PROBE_KEY, { timeout: 30_000 })
      const shown = (await page.evaluate((key) => Reflect.get(globalThis, key), PROBE_KEY)) as NumbersShown
      await page.waitForFunction(hasBothPaintEntries, undefined, { timeout: 5_000 }).catch(() => undefined)
      results.push({ ...(await page.evaluate(readLoadTimings)), numbersDomMs: shown.domMs, numbersPaintedMs: shown.frameMs })
    }
    return {
      loads: results,
      median: {
        firstPaintMs: medianOf(results, (l) => l.firstPaintMs),
        firstContentfulPaintMs: medianOf(results, (l) => l.firstContentfulPaintMs),
        domContentLoadedMs: medianOf(results, (l) => l.domContentLoadedMs),
        loadMs: medianOf(results, (l) => l.loadMs),
        numbersDomMs: medianOf(results, (l) => l.numbersDomMs),
        numbersPaintedMs: medianOf(results, (l) => l.numbersPaintedMs),
      },
    }
  } finally {
    await popover.close()
  }
}
