import { app, BrowserWindow, dialog, Menu, Tray } from 'electron'
import { menubar } from 'menubar'
// oxlint-disable-next-line import/default -- electron-vite turns `?modulePath` into a default-exported chunk path
import enginePath from '../engine/entry-utility.ts?modulePath'
import type { RpcOutcome } from '../common/engine-methods.ts'
import { IPC_CHANNELS } from '../common/renderer-api.ts'
import { isAppUrl, pageUrl, rendererLocation } from './app-origin.ts'
import { appStartMessage, forkUtilityEngine } from './engine-process.ts'
import { createEngineSupervisor, type EngineSupervisor } from './engine-supervisor.ts'
import { pickPath } from './dialogs.ts'
import { electronExportDeps } from './export-electron.ts'
import { exportReport } from './export-report.ts'
import { pushToAll, registerIpc, type PushTarget } from './ipc.ts'
import { loginItemFollower, setLaunchAtLogin } from './login-item.ts'
import { notify } from './notifications.ts'
import { trayDisplayOf, trayTooltip, type TrayDisplay } from './tray-format.ts'
import { meterImage } from './tray-icon.ts'
import { trayExportMessage, trayExportRequest, type TrayExportChoice } from './tray-export.ts'
import { trayMenuTemplate } from './tray-menu.ts'
import { createTrayPresenter, overallDailyBudget } from './tray-presenter.ts'
import { hardenContents, popoverWindowOptions, preferencesOpener } from './windows.ts'

/** Handles for the app entry (second instance, quit sequence) and tests. */
export interface ShellHandle {
  readonly supervisor: EngineSupervisor
  showPopover(): void
  openPreferences(): void
  /** Stops the engine (bounded wait) and timers; called from `before-quit`. */
  stop(): Promise<void>
}

/** A refresh during the first backfill of a large history legitimately takes minutes, not seconds. */
const REFRESH_TIMEOUT_MS = 120_000
/** Quota countdowns in the tooltip ("resets in 12m") age even when no new usage arrives. */
const TRAY_TICK_MS = 60_000

/** Wires tray, popover, preferences, IPC and the engine together. Call once, after `app` is ready. */
export function startShell(): ShellHandle {
  const platform = process.platform
  const location = rendererLocation(process.env, app.isPackaged, import.meta.dirname)
  const isOurs = (url: string): boolean => isAppUrl(location, url)
  // Every WebContents, including the one menubar creates, gets the same navigation and pop-up guards.
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isOurs))

  const locale = app.getLocale() || 'en-US'
  // The user's display settings travel in every snapshot, so a change in Preferences reaches the tray live.
  const display = (): TrayDisplay => trayDisplayOf(supervisor.snapshot(), locale)
  const applyLogin = loginItemFollower((enabled) => setLaunchAtLogin(app, enabled))
  let popoverVisible = false
  const preferenceWindows = new Set<BrowserWindow>()

  const tray = new Tray(meterImage(null, platform))
  const presenter = createTrayPresenter({
    tray,
    platform,
    makeImage: (fraction) => meterImage(fraction, platform),
    display,
    dailyBudgetUsd: () => overallDailyBudget(supervisor.snapshot()),
  })
  const render = (): void => presenter.render(supervisor.snapshot(), supervisor.status())

  /** Windows that should receive pushes now: the popover only while visible (hidden, it does no work). */
  const pushTargets = (): PushTarget[] => {
    const targets: PushTarget[] = []
    const popover = mb.window
    if (popoverVisible && popover && !popover.isDestroyed()) targets.push(popover.webContents)
    for (const window of preferenceWindows) if (!window.isDestroyed()) targets.push(window.webContents)
    return targets
  }
  /** Brings one window up to date at once, without waiting for the next change. */
  const pushLatest = (target: PushTarget): void => {
    const snapshot = supervisor.snapshot()
    if (snapshot) pushToAll([target], IPC_CHANNELS.snapshot, snapshot)
    pushToAll([target], IPC_CHANNELS.engineStatus, supervisor.status())
  }

  const supervisor = createEngineSupervisor({
    spawn: () => forkUtilityEngine(enginePath),
    startMessage: appStartMessage({
      home: app.getPath('home'),
      userData: app.getPath('userData'),
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    }),
    methodTimeoutMs: { 'ingest.refresh': REFRESH_TIMEOUT_MS },
    onSnapshot: (snapshot) => {
      if (snapshot.display) applyLogin(snapshot.display.launchAtLogin)
      render()
      pushToAll(pushTargets(), IPC_CHANNELS.snapshot, snapshot)
    },
    onStatus: (status) => {
      render()
      pushToAll(pushTargets(), IPC_CHANNELS.engineStatus, status)
    },
    onLog: (level, message) => console[level](`tokenledger engine: ${message}`),
    onNotify: (n) => {
      if (!notify(n.title, n.body)) console.info(`tokenledger: ${n.title}: ${n.body} (no notification service)`)
    },
  })

  // Rendered before menubar starts, and menubar is given the same text, so its own setToolTip is a no-op.
  render()
  const mb = menubar({
    tray,
    index: pageUrl(location, 'index'),
    browserWindow: popoverWindowOptions(),
    preloadWindow: true,
    showDockIcon: false,
    tooltip: trayTooltip(null, supervisor.status(), display(), new Date()),
  })
  mb.on('show', () => {
    popoverVisible = true
    const popover = mb.window
    if (popover && !popover.isDestroyed()) pushLatest(popover.webContents)
  })
  mb.on('after-hide', () => {
    popoverVisible = false
  })

  const showPopover = (): void => {
    mb.showWindow().catch((error: unknown) => console.error('tokenledger: could not show the popover', error))
  }
  const openPreferencesWindow = preferencesOpener(location, (window) => {
    preferenceWindows.add(window)
    window.on('closed', () => preferenceWindows.delete(window))
    window.webContents.on('did-finish-load', () => pushLatest(window.webContents))
  })
  const openPreferences = (): void => {
    mb.hideWindow()
    // With no Dock icon, macOS would leave a new window behind the active app.
    if (platform === 'darwin') app.focus({ steal: true })
    openPreferencesWindow()
  }
  const refresh = (): void => {
    if (supervisor.status().state === 'down') {
      supervisor.retry()
      return
    }
    void supervisor.request('ingest.refresh', {}).then((outcome) => {
      if (!outcome.ok) console.warn(`tokenledger: refresh failed: ${outcome.error.message}`)
    })
  }

  // The popover's save dialog is modal to it while it is open (tray exports have no parent window).
  const exportDeps = electronExportDeps(
    app,
    dialog,
    () => (popoverVisible && mb.window && !mb.window.isDestroyed() ? mb.window : BrowserWindow.getFocusedWindow()),
    // The supervisor's answer is untyped by design (IPC validated the call); this method's result is ExportRendered.
    (method, params) => supervisor.request(method, params) as Promise<RpcOutcome<'export.render'>>,
  )
  const exportMonth = (choice: TrayExportChoice): void => {
    const request = trayExportRequest(choice, new Date(), supervisor.snapshot()?.timezone ?? 'UTC')
    void exportReport(exportDeps, request).then((outcome) => {
      const message = trayExportMessage(outcome)
      if (message !== null) notify(message.title, message.body)
    })
  }
  const menu = Menu.buildFromTemplate(
    trayMenuTemplate({ open: showPopover, preferences: openPreferences, refresh, exportMonth, quit: () => app.quit() }),
  )
  // Linux trays (AppIndicator) often deliver no click events, only a menu; elsewhere left click stays the popover.
  if (platform === 'linux') tray.setContextMenu(menu)
  else tray.on('right-click', () => tray.popUpContextMenu(menu))

  const unregisterIpc = registerIpc({
    request: (method, params) => supervisor.request(method, params),
    cachedSnapshot: () => supervisor.snapshot(),
    isAppUrl: isOurs,
    shell: { 'open-preferences': openPreferences, quit: () => app.quit(), 'hide-popover': () => mb.hideWindow() },
    exportReport: (request) => exportReport(exportDeps, request),
    pickPath: (kind) => pickPath(dialog, BrowserWindow.getFocusedWindow(), kind),
  })

  const tick = setInterval(render, TRAY_TICK_MS)
  tick.unref()
  supervisor.start()

  return {
    supervisor,
    showPopover,
    openPreferences,
    async stop() {
      clearInterval(tick)
      unregisterIpc()
      await supervisor.stop()
    },
  }
}
