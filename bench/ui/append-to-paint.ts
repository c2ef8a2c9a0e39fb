import { setTimeout as sleep } from 'node:timers/promises'
import type { Browser, Page } from 'playwright-core'
import { appendClaudeRequest, type FixtureHome } from '../../e2e/harness/make-home.ts'
import { percentile } from '../measure.ts'
import { pageEpochNow, recordFigureChanges, recordSnapshotArrivals, type FigureChange } from './page-probes.ts'
import { openReadyPopover, TODAY_TEST_ID } from './ready-popover.ts'

/** p50/p95/max of one stage, in ms from the append. */
export interface Stage {
  p50: number | null
  p95: number | null
  max: number | null
}

export interface AppendToPaint {
  appends: number
  spacingMs: number
  /** Appends whose new today figure never showed within the timeout. */
  timeouts: number
  /** The engine's snapshot reached the harness (Electron main's place). */
  snapshot: Stage
  /** The snapshot reached the page (the bridge's WebSocket, where Electron's IPC would deliver it). */
  received: Stage
  /** The popover's DOM shows the new today figure (MutationObserver in the page). */
  dom: Stage
  /** The frame showing it is done (rAF, then a task, after the DOM change). */
  painted: Stage
  /** Half the shortest round trip used to map the page's clock onto Node's: the error bound of dom/painted. */
  clockUncertaintyMs: number
  /** Size of one pushed snapshot as JSON (what crosses the bridge per update). */
  snapshotBytes: number | null
  samples: Array<{ snapshotMs: number; receivedMs: number | null; domMs: number; paintedMs: number | null }>
}

const LOG_KEY = '__benchTodayChanges'
const ARRIVALS_KEY = '__benchSnapshotArrivals'

const nodeEpochNow = (): number => performance.timeOrigin + performance.now()

/**
 * Page clock minus Node clock. Both are monotonic clocks anchored on the wall clock, so the offset is
 * near 0 but not exactly; it is taken from the round trip with the least delay (NTP's rule).
 */
async function clockOffset(page: Page): Promise<{ offsetMs: number; uncertaintyMs: number }> {
  let best = { rtt: Number.POSITIVE_INFINITY, offsetMs: 0 }
  for (let i = 0; i < 25; i++) {
    const t0 = nodeEpochNow()
    const inPage = await page.evaluate(pageEpochNow)
    const t1 = nodeEpochNow()
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offsetMs: inPage - (t0 + t1) / 2 }
  }
  return { offsetMs: best.offsetMs, uncertaintyMs: best.rtt / 2 }
}

function stage(values: readonly number[]): Stage {
  if (values.length === 0) return { p50: null, p95: null, max: null }
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) }
}

/**
 * Append → popover updated: one Claude Code request (a user line and the assistant line with usage, in
 * the agent's real format) is appended to today's transcript while the popover is open; the time runs
 * until the today figure shows the new total. The page records each change of the figure with its own
 * clock; the expected value comes from the snapshot the engine pushed, so only the right change counts.
 */
export async function measureAppendToPaint(browser: Browser, fixture: FixtureHome, appends: number, spacingMs = 150, timeoutMs = 10_000): Promise<AppendToPaint> {
  const { popover, snapshot } = await openReadyPopover(browser, fixture.home)
  const { page, bridge } = popover
  try {
    await page.evaluate(recordFigureChanges, { testId: TODAY_TEST_ID, key: LOG_KEY })
    await page.evaluate(recordSnapshotArrivals, ARRIVALS_KEY)
    const pageOrigin = await page.evaluate(() => performance.timeOrigin)
    const { offsetMs, uncertaintyMs } = await clockOffset(page)
    const toNode = (pageMs: number): number => pageOrigin + pageMs - offsetMs
    const base = snapshot.today.requests
    const runId = `${process.pid}${Date.now()}`
    const timed: Array<{ start: number; atSnapshot: number; value: string }> = []
    let timeouts = 0
    let snapshotBytes: number | null = null
    for (let i = 1; i <= appends && timeouts < 3; i++) {
      // Output grows with i, so every append moves the today figure.
      const usage = { input: 40, output: 800 + i, cacheRead: 30_000, cacheWrite5m: 0, cacheWrite1h: 200 }
      const start = nodeEpochNow()
      await appendClaudeRequest(fixture, new Date(), usage, `${runId}x${i}`)
      try {
        const next = await bridge.waitForSnapshot((s) => s.today.requests >= base + i, timeoutMs)
        const atSnapshot = nodeEpochNow()
        const value = String(next.today.costUsd)
        snapshotBytes = Buffer.byteLength(JSON.stringify(next))
        await page.waitForFunction(
          (a) => (Reflect.get(globalThis, a.key) as FigureChange[]).some((c) => c.value === a.value && c.frameMs !== null),
          { key: LOG_KEY, value },
          { timeout: timeoutMs },
        )
        timed.push({ start, atSnapshot, value })
      } catch {
        timeouts++
      }
      await sleep(Math.max(0, spacingMs - (nodeEpochNow() - start)))
    }
    const changes = (await page.evaluate((key) => Reflect.get(globalThis, key), LOG_KEY)) as FigureChange[]
    const arrivals = (await page.evaluate((key) => Reflect.get(globalThis, key), ARRIVALS_KEY)) as Array<{ value: string; atMs: number }>
    const samples = timed.flatMap((t) => {
      const change = changes.find((c) => c.value === t.value)
      if (change === undefined) return []
      const arrival = arrivals.find((x) => x.value === t.value)
      return [{
        snapshotMs: t.atSnapshot - t.start,
        receivedMs: arrival === undefined ? null : toNode(arrival.atMs) - t.start,
        domMs: toNode(change.domMs) - t.start,
        paintedMs: change.frameMs === null ? null : toNode(change.frameMs) - t.start,
      }]
    })
    return {
      appends: timed.length + timeouts,
      spacingMs,
      timeouts,
      snapshot: stage(samples.map((s) => s.snapshotMs)),
      received: stage(samples.flatMap((s) => (s.receivedMs === null ? [] : [s.receivedMs]))),
      dom: stage(samples.map((s) => s.domMs)),
      painted: stage(samples.flatMap((s) => (s.paintedMs === null ? [] : [s.paintedMs]))),
      clockUncertaintyMs: uncertaintyMs,
      snapshotBytes,
      samples,
    }
  } finally {
    await popover.close()
  }
}
