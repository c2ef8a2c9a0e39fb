import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { App, BrowserWindow } from 'electron'
import type { DialogLike } from './dialogs.ts'
import type { ExportDeps } from './export-report.ts'
import { printHtmlToPdf } from './print-pdf.ts'

/** The parts of the asking window used while its dialog is open (a seam for tests). */
export type DialogParent = Pick<BrowserWindow, 'isDestroyed' | 'isAlwaysOnTop' | 'setAlwaysOnTop'>

/**
 * The app's export steps: a native save dialog proposing the Downloads folder, a plain file write, and
 * PDF printing in an offscreen window. The engine call is passed in (the supervisor owns it); `parent`
 * is the window that asked (the popover), or null.
 */
export function electronExportDeps(app: Pick<App, 'getPath'>, dialog: DialogLike, parent: () => BrowserWindow | null, request: ExportDeps['request']): ExportDeps {
  return {
    request,
    async showSaveDialog(defaultName, filters) {
      const options: Electron.SaveDialogOptions = {
        title: 'Export report',
        buttonLabel: 'Export',
        defaultPath: join(app.getPath('downloads'), defaultName),
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const window = parent()
      const result = window === null || window.isDestroyed() ? await dialog.showSaveDialog(options) : await whilePinned(window, () => dialog.showSaveDialog(window, options))
      return result.canceled || !result.filePath ? null : result.filePath
    },
    writeFile: (path, data) => writeFile(path, data),
    printHtmlToPdf: (html) => printHtmlToPdf(html),
  }
}

/**
 * The popover hides when it loses focus (menubar), and the dialog takes focus: kept on top meanwhile,
 * menubar only reports the blur, so "Saved to …" is still on screen when the dialog closes.
 */
export async function whilePinned<T>(window: DialogParent, run: () => Promise<T>): Promise<T> {
  const wasOnTop = window.isAlwaysOnTop()
  if (!wasOnTop) window.setAlwaysOnTop(true)
  try {
    return await run()
  } finally {
    if (!wasOnTop && !window.isDestroyed()) window.setAlwaysOnTop(false)
  }
}
