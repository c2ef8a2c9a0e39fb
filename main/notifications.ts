import { Notification } from 'electron'

/**
 * The one place the app raises an OS notification (budgets and quota alerts build on it). Returns
 * false instead of throwing where the OS has no notification service (some Linux sessions).
 */
export function notify(title: string, body: string): boolean {
  if (!Notification.isSupported()) return false
  new Notification({ title, body, silent: false }).show()
  return true
}
