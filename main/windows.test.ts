import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { rendererLocation } from './app-origin.ts'

const electron = vi.hoisted(() => {
  const created: FakeWindow[] = []
  class FakeWindow {
    readonly options: unknown
    readonly loaded: string[] = []
    readonly events = new Map<string, () => void>()
    destroyed = false
    focused = 0
    constructor(options: unknown) {
      this.options = options
      created.push(this)
    }
    once(event: string, listener: () => void): void {
      this.events.set(event, listener)
    }
    on(event: string, listener: () => void): void {
      this.events.set(event, listener)
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url)
      return Promise.resolve()
    }
    isDestroyed(): boolean {
      return this.destroyed
    }
    show(): void {}
    focus(): void {
      this.focused++
    }
  }
  return { created, BrowserWindow: FakeWindow }
})

vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }))

const { hardenContents, popoverWindowOptions, preferencesOpener, preferencesWindowOptions, PRELOAD_PATH } = await import('./windows.ts')

const SECURE = {
  contextIsolation: true,
  nodeIntegration: false,
  sandbox: true,
  webSecurity: true,
  preload: join(import.meta.dirname, '../preload/index.cjs'),
}
const location = rendererLocation({}, true, '/app/out/main')

beforeEach(() => {
  electron.created.length = 0
})

describe('window options', () => {
  it.each([
    ['popover', popoverWindowOptions()],
    ['preferences', preferencesWindowOptions()],
  ])('%s window is isolated, sandboxed and uses the CJS preload', (_name, options) => {
    expect(options.webPreferences).toMatchObject(SECURE)
  })

  it('sizes the popover 380×560 and keeps it off the taskbar', () => {
    expect(popoverWindowOptions()).toMatchObject({ width: 380, height: 560, show: false, frame: false, skipTaskbar: true })
  })

  it('points the preload at out/preload/index.cjs next to out/main', () => {
    expect(PRELOAD_PATH.endsWith(join('preload', 'index.cjs'))).toBe(true)
  })
})

describe('preferencesOpener', () => {
  it('creates the window with secure preferences and loads preferences.html', () => {
    const open = preferencesOpener(location, () => {})
    open()
    expect(electron.created.map((w) => ({ prefs: w.options, loaded: w.loaded }))).toEqual([
      {
        prefs: expect.objectContaining({ webPreferences: expect.objectContaining(SECURE) }),
        loaded: ['file:///app/out/renderer/preferences.html'],
      },
    ])
  })

  it('focuses the existing window instead of opening a second one', () => {
    const open = preferencesOpener(location, () => {})
    open()
    open()
    expect({ windows: electron.created.length, focused: electron.created[0]?.focused }).toEqual({ windows: 1, focused: 1 })
  })

  it('opens a new window after the previous one was closed', () => {
    const open = preferencesOpener(location, () => {})
    open()
    electron.created[0]?.events.get('closed')?.()
    open()
    expect(electron.created).toHaveLength(2)
  })
})

describe('hardenContents', () => {
  function harden() {
    const contents = new EventEmitter()
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
    hardenContents(
      {
        setWindowOpenHandler: (handler) => {
          openHandler = handler
        },
        on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => contents.on(event, listener),
      },
      (url) => url.startsWith('file:///app/out/renderer/'),
    )
    const navigate = (url: string): boolean => {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) }
      contents.emit('will-navigate', event, url)
      return event.prevented
    }
    return { openHandler, navigate, contents }
  }

  it('denies window.open', () => {
    expect(harden().openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
  })

  it.each([
    ['https://example.com/phish', true],
    ['file:///etc/passwd', true],
    ['file:///app/out/renderer/index.html', false],
  ])('navigation to %s is prevented: %s', (url, prevented) => {
    expect(harden().navigate(url)).toBe(prevented)
  })

  it('refuses to attach a webview', () => {
    const { contents } = harden()
    const event = { prevented: false, preventDefault: () => (event.prevented = true) }
    contents.emit('will-attach-webview', event)
    expect(event.prevented).toBe(true)
  })
})
