import type { BrowserWindow, Dialog } from 'electron'
import type { PathKind } from '../common/renderer-api.ts'

/** The parts of Electron's `dialog` used here (a seam for tests). */
export type DialogLike = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>

/** Native "open" dialog for the preferences window: a Cursor usage CSV, or a folder. Null when cancelled. */
export async function pickPath(dialog: DialogLike, parent: BrowserWindow | null, kind: PathKind): Promise<string | null> {
  const options: Electron.OpenDialogOptions =
    kind === 'cursor-csv'
      ? { title: 'Import a Cursor usage export', buttonLabel: 'Import', properties: ['openFile'], filters: [{ name: 'Cursor usage export (CSV)', extensions: ['csv'] }] }
      : { title: 'Choose a folder', buttonLabel: 'Choose', properties: ['openDirectory', 'createDirectory'] }
  const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
