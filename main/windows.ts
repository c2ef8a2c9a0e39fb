import { join } from 'node:path'
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron'
import { pageUrl, type RendererLocation } from './app-origin.ts'

/** Built preload, next to `out/main` (electron-vite emits it as CommonJS because sandboxed preloads must be). */
export const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs')

export const POPOVER_SIZE = { width: 380, height: 560 } as const
// Wide enough for the pricing tables (model, five prices beside the registry's, dates) without scrolling sideways.
export const PREFERENCES_SIZE = { width: 680, height: 720 } as const

/**
 * The same locked-down preferences for every window: the renderer gets `window.tokenledger` and nothing
 * else (no Node, no Electron, isolated world, OS sandbox). The electron-vite templates' `sandbox: false`
 * is deliberately not copied.
 */
export function secureWebPreferences(): WebPreferences {
  return {
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    preload: PRELOAD_PATH,
  }
}

/** The popover under the tray icon: frameless, off the taskbar, created hidden (menubar shows it). */
export function popoverWindowOptions(): BrowserWindowConstructorOptions {
  return {
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: false,
    webPreferences: secureWebPreferences(),
  }
}

export function preferencesWindowOptions(): BrowserWindowConstructorOptions {
  return {
    ...PREFERENCES_SIZE,
    minWidth: 560,
    minHeight: 480,
    show: false,
    title: 'TokenLedger Preferences',
    fullscreenable: false,
    webPreferences: secureWebPreferences(),
  }
}

/** The parts of WebContents the guards touch (a seam so tests can drive the events). */
export interface GuardableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
}

/**
 * Applied to every WebContents the app creates (via `web-contents-created`): no pop-ups, no webviews,
 * and no navigation to anything that is not our own renderer.
 */
export function hardenContents(contents: GuardableContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/**
 * Opens the preferences window on demand: one instance, focused if it already exists, destroyed on
 * close so a closed window costs nothing.
 */
export function preferencesOpener(location: RendererLocation, onCreated: (window: BrowserWindow) => void): () => BrowserWindow {
  let current: BrowserWindow | null = null
  return () => {
    if (current && !current.isDestroyed()) {
      current.show()
      current.focus()
      return current
    }
    const window = new BrowserWindow(preferencesWindowOptions())
    current = window
    window.once('ready-to-show', () => window.show())
    window.on('closed', () => {
      if (current === window) current = null
    })
    onCreated(window)
    window.loadURL(pageUrl(location, 'preferences')).catch((error: unknown) => {
      console.error('tokenledger: could not load preferences', error)
    })
    return window
  }
}
