import type { MenuItemConstructorOptions } from 'electron'
import type { TrayExportChoice } from './tray-export.ts'

export interface TrayMenuActions {
  readonly open: () => void
  readonly preferences: () => void
  readonly refresh: () => void
  readonly exportMonth: (choice: TrayExportChoice) => void
  readonly quit: () => void
}

/**
 * The right-click menu (on Linux, where many trays send no click events, the only menu). Export offers
 * this month's report in one click; other ranges and groupings are in the popover's Export panel.
 */
export function trayMenuTemplate(actions: TrayMenuActions): MenuItemConstructorOptions[] {
  return [
    { label: 'Open TokenLedger', click: () => actions.open() },
    { label: 'Refresh', click: () => actions.refresh() },
    {
      label: 'Export This Month',
      submenu: [
        { label: 'Invoice (PDF)…', click: () => actions.exportMonth('pdf') },
        { label: 'Invoice (HTML)…', click: () => actions.exportMonth('html') },
        { label: 'Usage by Day (CSV)…', click: () => actions.exportMonth('csv') },
        { type: 'separator' },
        { label: 'Other Ranges and Formats…', click: () => actions.open() },
      ],
    },
    { type: 'separator' },
    { label: 'Preferences…', accelerator: 'CmdOrCtrl+,', click: () => actions.preferences() },
    { type: 'separator' },
    { label: 'Quit TokenLedger', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
  ]
}
