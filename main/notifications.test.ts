import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const shown: unknown[] = []
  const state = { supported: true }
  class Notification {
    static isSupported(): boolean {
      return state.supported
    }
    readonly options: unknown
    constructor(options: unknown) {
      this.options = options
    }
    show(): void {
      shown.push(this.options)
    }
  }
  return { shown, state, Notification }
})
vi.mock('electron', () => ({ Notification: electron.Notification }))

const { notify } = await import('./notifications.ts')

beforeEach(() => {
  electron.shown.length = 0
})

describe('notify', () => {
  it('shows a notification with the title and body', () => {
    electron.state.supported = true
    const shown = notify('Daily budget reached', 'You have spent $20.00 of $20.00 today.')
    expect({ shown, notifications: electron.shown }).toEqual({
      shown: true,
      notifications: [{ title: 'Daily budget reached', body: 'You have spent $20.00 of $20.00 today.', silent: false }],
    })
  })

  it('returns false and shows nothing where notifications are unsupported', () => {
    electron.state.supported = false
    expect({ shown: notify('t', 'b'), notifications: electron.shown }).toEqual({ shown: false, notifications: [] })
  })
})
