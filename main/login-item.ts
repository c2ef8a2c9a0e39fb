import type { App } from 'electron'

/** Platforms where Electron can register a login item; Linux has no single standard (autostart files vary). */
export function supportsLaunchAtLogin(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32'
}

/** For the preferences page: turns launch-at-login on or off. Returns whether the setting was applied. */
export function setLaunchAtLogin(app: Pick<App, 'setLoginItemSettings'>, enabled: boolean, platform: NodeJS.Platform = process.platform): boolean {
  if (!supportsLaunchAtLogin(platform)) return false
  app.setLoginItemSettings({ openAtLogin: enabled })
  return true
}

/** The part of `app.getLoginItemSettings()` read here (narrow so tests need not fake every field). */
export interface LoginItemReader {
  getLoginItemSettings(): { readonly openAtLogin: boolean }
}

export function getLaunchAtLogin(app: LoginItemReader, platform: NodeJS.Platform = process.platform): boolean {
  return supportsLaunchAtLogin(platform) && app.getLoginItemSettings().openAtLogin
}

/**
 * Applies the launch-at-login setting when it changes (snapshots arrive often; the OS call is not free).
 * The first value is applied too: the setting, not a leftover OS entry, is the source of truth.
 */
export function loginItemFollower(apply: (enabled: boolean) => void): (enabled: boolean) => void {
  let last: boolean | null = null
  return (enabled) => {
    if (enabled === last) return
    last = enabled
    apply(enabled)
  }
}
