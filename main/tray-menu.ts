import type { MenuItemConstructorOptions } from 'electron'

export interface TrayMenuActions {
  readonly open: () => void
  readonly preferences: () => void
  readonly refresh: () => void
  readonly quit: () => void
}

/**
 * The right-click menu (on Linux, where many trays send no click events, the only menu). Export is a
 * visible but disabled placeholder until the export feature lands, so the menu layout does not shift.
 */
export function trayMenuTemplate(actions: TrayMenuActions): MenuItemConstructorOptions[] {
  return [
    { label: 'Open TokenLedger', click: () => actions.open() },
    { label: 'Refresh', click: () => actions.refresh() },
    { label: 'Export… (coming soon)', enabled: false },
    { type: 'separator' },
    { label: 'Preferences…', accelerator: 'CmdOrCtrl+,', click: () => actions.preferences() },
    { type: 'separator' },
    { label: 'Quit TokenLedger', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
  ]
}
