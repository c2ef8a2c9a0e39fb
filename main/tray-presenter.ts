import type { EngineStatus } from '../common/renderer-api.ts'
import type { UiSnapshot } from '../common/snapshot.ts'
import { fillColor, meterRows } from './meter-bitmap.ts'
import { liveQuotas, trayTitle, trayTooltip, type TrayDisplay } from './tray-format.ts'

/** The parts of Electron's Tray the presenter drives. */
export interface TrayLike<Image> {
  setTitle(title: string): void
  setToolTip(toolTip: string): void
  setImage(image: Image): void
}

export interface TrayPresenterOptions<Image> {
  readonly tray: TrayLike<Image>
  readonly platform: NodeJS.Platform
  readonly makeImage: (fraction: number | null) => Image
  readonly display: () => TrayDisplay
  /** The overall daily budget, or null (the meter then follows the fullest quota window). */
  readonly dailyBudgetUsd: () => number | null
  readonly now?: () => Date
}

/** The all-agents daily budget, when the user set one (Preferences → Budgets): the meter then fills toward it. */
export function overallDailyBudget(snapshot: UiSnapshot | null): number | null {
  return snapshot?.budgets?.find((b) => b.period === 'day' && b.provider === null)?.amountUsd ?? null
}

/** What the meter shows: today's share of the daily budget if there is one, else the fullest live quota. */
export function meterFraction(snapshot: UiSnapshot | null, dailyBudgetUsd: number | null, now: Date): number | null {
  if (!snapshot) return null
  if (dailyBudgetUsd !== null && dailyBudgetUsd > 0) return snapshot.today.costUsd / dailyBudgetUsd
  const quotas = liveQuotas(snapshot.quotas, now)
  if (quotas.length === 0) return null
  return Math.max(...quotas.map((q) => q.usedPercent)) / 100
}

/**
 * Renders snapshot + engine status into the tray, touching the OS only when something visible changed
 * (title and tooltip updates are cheap, but re-encoding the icon on every snapshot is not free).
 */
export function createTrayPresenter<Image>(options: TrayPresenterOptions<Image>): { render(snapshot: UiSnapshot | null, status: EngineStatus): void } {
  const now = options.now ?? (() => new Date())
  let title: string | null = null
  let tooltip: string | null = null
  let imageKey: string | null = null
  return {
    render(snapshot, status) {
      const at = now()
      const display = options.display()
      if (options.platform === 'darwin') {
        const nextTitle = trayTitle(snapshot, display, at)
        if (nextTitle !== title) options.tray.setTitle(nextTitle)
        title = nextTitle
      }
      const nextTooltip = trayTooltip(snapshot, status, display, at)
      if (nextTooltip !== tooltip) options.tray.setToolTip(nextTooltip)
      tooltip = nextTooltip
      const fraction = meterFraction(snapshot, options.dailyBudgetUsd(), at)
      const nextKey = `${meterRows(fraction)}:${fillColor(fraction ?? 0).join(',')}`
      if (nextKey !== imageKey) options.tray.setImage(options.makeImage(fraction))
      imageKey = nextKey
    },
  }
}
