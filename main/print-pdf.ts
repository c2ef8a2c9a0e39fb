import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'

/** Chromium refuses to load a URL longer than this (content::kMaxURLChars); larger pages go via a temp file. */
export const MAX_URL_CHARS = 2 * 1024 * 1024

/**
 * A hidden window that only ever shows our own rendered report: no preload (so no `window.tokenledger`),
 * no Node, no JavaScript at all (the report has none; its CSP forbids it too), OS sandbox.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794, // A4 at 96 dpi, so media queries see a page-sized viewport.
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  }
}

/** The parts of a BrowserWindow used to print (a seam for tests). */
export interface PrintableWindow {
  loadURL(url: string): Promise<void>
  loadFile(path: string): Promise<void>
  destroy(): void
  readonly webContents: { printToPDF(options: Electron.PrintToPDFOptions): Promise<Buffer> }
}

/**
 * Prints a self-contained HTML page (the invoice report) to A4 PDF bytes in an offscreen window, which
 * is destroyed whatever happens. The navigation guard every WebContents gets (windows.ts hardenContents)
 * stays on: it only stops navigations the page starts itself, and loading our own report from main is
 * not one, so this window needs no exception.
 */
export async function printHtmlToPdf(html: string, makeWindow: () => PrintableWindow = () => new BrowserWindow(printWindowOptions())): Promise<Buffer> {
  const window = makeWindow()
  let tempDir: string | null = null
  try {
    const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`
    if (url.length <= MAX_URL_CHARS) await window.loadURL(url)
    else {
      // A long session-by-session report: a private folder only this user can read, removed below.
      tempDir = await mkdtemp(join(tmpdir(), 'tokenledger-print-'))
      const file = join(tempDir, 'report.html')
      await writeFile(file, html, { mode: 0o600 })
      await window.loadFile(file)
    }
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
  } finally {
    window.destroy()
    if (tempDir !== null) await rm(tempDir, { recursive: true, force: true })
  }
}
