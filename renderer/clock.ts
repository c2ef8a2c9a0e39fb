import { useSyncExternalStore } from 'react'

/**
 * A shared "now" for countdowns and "last event … ago". One interval for the whole page, running only
 * while some component listens AND the page is visible: a hidden popover costs no timer wake-ups
 * (users measure tray apps' idle CPU, see user-needs §3.4).
 */
const TICK_MS = 1000
const listeners = new Set<() => void>()
let now = Date.now()
let timer: ReturnType<typeof setInterval> | null = null

function emit(): void {
  now = Date.now()
  for (const listener of listeners) listener()
}

function sync(): void {
  const shouldRun = listeners.size > 0 && document.visibilityState === 'visible'
  if (shouldRun && timer === null) {
    // The value may be stale after being hidden: refresh at once, then every second.
    emit()
    timer = setInterval(emit, TICK_MS)
  } else if (!shouldRun && timer !== null) {
    clearInterval(timer)
    timer = null
  }
}

/** Subscribes to the shared clock (exported for the unit test of its timer discipline). */
export function subscribeClock(listener: () => void): () => void {
  if (listeners.size === 0) document.addEventListener('visibilitychange', sync)
  listeners.add(listener)
  sync()
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) document.removeEventListener('visibilitychange', sync)
    sync()
  }
}

export function useNow(): number {
  return useSyncExternalStore(subscribeClock, () => now)
}
