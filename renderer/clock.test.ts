import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { subscribeClock } from './clock.ts'

/** A document stand-in whose visibility the test flips, as the OS does when the popover hides. */
class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible'
  setVisibility(state: 'visible' | 'hidden'): void {
    this.visibilityState = state
    this.dispatchEvent(new Event('visibilitychange'))
  }
}

let doc: FakeDocument

beforeEach(() => {
  vi.useFakeTimers()
  doc = new FakeDocument()
  vi.stubGlobal('document', doc)
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('shared clock', () => {
  it('runs one interval for any number of visible listeners', () => {
    const offA = subscribeClock(() => {})
    const offB = subscribeClock(() => {})
    expect(vi.getTimerCount()).toBe(1)
    offA()
    offB()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stops ticking while the page is hidden and resumes when shown', () => {
    const ticks: number[] = []
    const off = subscribeClock(() => ticks.push(Date.now()))
    doc.setVisibility('hidden')
    expect(vi.getTimerCount()).toBe(0)
    const whileHidden = ticks.length
    vi.advanceTimersByTime(10_000)
    expect(ticks.length).toBe(whileHidden)
    doc.setVisibility('visible')
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(3_000)
    expect(ticks.length).toBe(whileHidden + 4)
    off()
  })

  it('starts no interval when subscribed while hidden', () => {
    doc.setVisibility('hidden')
    const off = subscribeClock(() => {})
    expect(vi.getTimerCount()).toBe(0)
    off()
  })
})
