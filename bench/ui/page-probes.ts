/**
 * Functions that run IN THE PAGE (Playwright sends their source text), so each is self-contained: no
 * imports or outer names at run time. This file is type-checked with Node's lib, so the few DOM globals
 * they touch are declared here, in module scope, with only the members used.
 */
interface ProbeElement {
  getAttribute(name: string): string | null
}
interface ProbeDocument {
  querySelector(selector: string): ProbeElement | null
}
interface ProbeObserver {
  observe(target: ProbeDocument, options: { childList?: boolean; subtree?: boolean; attributes?: boolean; characterData?: boolean }): void
  disconnect(): void
}
interface ProbePerformance {
  readonly timeOrigin: number
  now(): number
  /** The DOM's entry types ('paint', 'navigation'), which Node's own typing does not list. */
  getEntriesByType(type: string): Array<{ readonly name: string; readonly startTime: number }>
}
declare const document: ProbeDocument
declare const performance: ProbePerformance
declare const MutationObserver: new (callback: () => void) => ProbeObserver
declare function requestAnimationFrame(callback: () => void): number

/** One value the today figure took: when the DOM changed, and when the frame showing it was done. */
export interface FigureChange {
  value: string | null
  /** performance.now() in the page when the MutationObserver saw the change. */
  domMs: number
  /** After the next frame (rAF, then a task): the change has been laid out and painted. */
  frameMs: number | null
}

/** The page's clock as epoch milliseconds, comparable with Node's `performance.timeOrigin + performance.now()`. */
export function pageEpochNow(): number {
  return performance.timeOrigin + performance.now()
}

/**
 * Records every value the element with `testId` shows in its `data-value` into `globalThis[key]`. The
 * observer watches the whole document, so it keeps working if React replaces the element.
 */
export function recordFigureChanges(args: { testId: string; key: string }): void {
  const log: FigureChange[] = []
  Reflect.set(globalThis, args.key, log)
  let last: string | null | undefined
  const check = (): void => {
    const value = document.querySelector(`[data-testid="${args.testId}"]`)?.getAttribute('data-value') ?? null
    if (value === last) return
    last = value
    const change: FigureChange = { value, domMs: performance.now(), frameMs: null }
    log.push(change)
    // rAF runs before the frame's style/layout/paint; a task posted from it runs once that frame is done.
    requestAnimationFrame(() => setTimeout(() => (change.frameMs = performance.now()), 0))
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
  check()
}

/**
 * Records when each pushed snapshot reaches the page (performance.now() and its today cost). The
 * renderer subscribed first, so this listener runs right after its store update, before React's render.
 */
export function recordSnapshotArrivals(key: string): void {
  const arrivals: Array<{ value: string; atMs: number }> = []
  Reflect.set(globalThis, key, arrivals)
  const api: unknown = Reflect.get(globalThis, 'tokenledger')
  const onSnapshot: unknown = typeof api === 'object' && api !== null ? Reflect.get(api, 'onSnapshot') : undefined
  if (typeof onSnapshot !== 'function') return
  Reflect.apply(onSnapshot, api, [(s: { today: { costUsd: number } }) => arrivals.push({ value: String(s.today.costUsd), atMs: performance.now() })])
}

/** When the first numbers appeared after navigation start (performance.now() is relative to it). */
export interface NumbersShown {
  domMs: number | null
  frameMs: number | null
}

/**
 * Init script (runs before the renderer's own scripts on every load): notes when the element with
 * `testId` first exists, i.e. when the first snapshot has been rendered.
 */
export function probeFirstNumbers(args: { testId: string; key: string }): void {
  const shown: NumbersShown = { domMs: null, frameMs: null }
  Reflect.set(globalThis, args.key, shown)
  const observer = new MutationObserver(() => {
    if (shown.domMs !== null || document.querySelector(`[data-testid="${args.testId}"]`) === null) return
    shown.domMs = performance.now()
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => (shown.frameMs = performance.now()), 0))
  })
  observer.observe(document, { childList: true, subtree: true })
}

/** Paint and navigation timings of the current document, relative to its navigation start. */
export interface LoadTimings {
  firstPaintMs: number | null
  firstContentfulPaintMs: number | null
  domContentLoadedMs: number | null
  loadMs: number | null
}

/** FCP is reported once its frame is presented, a little after first-paint. */
export function hasBothPaintEntries(): boolean {
  return performance.getEntriesByType('paint').length >= 2
}

export function readLoadTimings(): LoadTimings {
  const paint = (name: string): number | null => performance.getEntriesByType('paint').find((e) => e.name === name)?.startTime ?? null
  const nav = performance.getEntriesByType('navigation')[0]
  const field = (name: string): number | null => {
    const v: unknown = nav === undefined ? null : Reflect.get(nav, name)
    return typeof v === 'number' && v > 0 ? v : null
  }
  return {
    firstPaintMs: paint('first-paint'),
    firstContentfulPaintMs: paint('first-contentful-paint'),
    domContentLoadedMs: field('domContentLoadedEventEnd'),
    loadMs: field('loadEventEnd'),
  }
}

/** Runs the GC exposed by `--js-flags=--expose-gc`; false when the browser was started without it. */
export function collectGarbage(): boolean {
  const gc: unknown = Reflect.get(globalThis, 'gc')
  if (typeof gc !== 'function') return false
  Reflect.apply(gc, globalThis, [])
  Reflect.apply(gc, globalThis, [])
  return true
}
