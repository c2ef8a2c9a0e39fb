import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { exportReport } from '../../main/export-report.ts'
import type { ShellStandIns } from './engine-bridge.ts'

/** The browser tests' stand-in for main's export: the app's own steps, with test doubles for the OS parts. */
export interface ExportShell extends Pick<ShellStandIns, 'exportReport'> {
  /** What the "save dialog" answers for a proposed file name: a path, or null as if the user cancelled. */
  answer: (defaultName: string) => string | null
  /** Every file name the dialog proposed, in order. */
  readonly proposed: string[]
}

/**
 * Runs main/export-report.ts (the code the app runs) with: the real engine behind the bridge, a save
 * dialog that answers a path in `dir` (or cancels), node's fs, and PDF printing by Chromium via
 * Playwright, the same engine Electron's printToPDF uses.
 */
export function exportShell(dir: string, browser: Browser): ExportShell {
  const shell: ExportShell = {
    answer: (defaultName) => join(dir, defaultName),
    proposed: [],
    exportReport: (request, bridge) =>
      exportReport(
        {
          request: (method, params) => bridge.request(method, params),
          showSaveDialog: (defaultName) => {
            shell.proposed.push(defaultName)
            return Promise.resolve(shell.answer(defaultName))
          },
          writeFile: (path, data) => writeFile(path, data),
          printHtmlToPdf: (html) => printWithChromium(browser, html),
        },
        request,
      ),
  }
  return shell
}

/** Prints HTML as main/print-pdf.ts does: its own context, no JavaScript, A4 with backgrounds. */
async function printWithChromium(browser: Browser, html: string): Promise<Uint8Array> {
  const context = await browser.newContext({ javaScriptEnabled: false })
  try {
    const page = await context.newPage()
    await page.setContent(html)
    return await page.pdf({ format: 'A4', printBackground: true })
  } finally {
    await context.close()
  }
}
