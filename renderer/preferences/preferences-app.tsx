import { useEffect, useState } from 'react'
import { getApi } from '../api.ts'
import { setMoneyDisplay } from '../format.ts'
import { BudgetsSection } from './budgets-section.tsx'
import { DisplaySection } from './display-section.tsx'
import { PlansSection } from './plans-section.tsx'
import { PricingSection } from './pricing-section.tsx'
import { SourcesSection } from './sources-section.tsx'

const TABS = [
  { id: 'plans', label: 'Plans', Section: PlansSection },
  { id: 'pricing', label: 'Pricing', Section: PricingSection },
  { id: 'budgets', label: 'Budgets', Section: BudgetsSection },
  { id: 'sources', label: 'Data sources', Section: SourcesSection },
  { id: 'display', label: 'Display', Section: DisplaySection },
] as const
type TabId = (typeof TABS)[number]['id']

/** The preferences window: one tab per concern, each a form over the same typed engine API. */
export function PreferencesApp() {
  const [tab, setTab] = useState<TabId>(() => initialTab())
  useMoneyDisplay()
  if (getApi() === null) {
    return (
      <main className="prefs" data-testid="preferences">
        <p className="error-text">This page must be opened by the TokenLedger app.</p>
      </main>
    )
  }
  const current = TABS.find((t) => t.id === tab) ?? TABS[0]
  return (
    <main className="prefs" data-testid="preferences">
      <nav className="prefs-tabs" role="tablist" aria-label="Preferences">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === tab}
            className={t.id === tab ? 'tab active' : 'tab'}
            data-testid={`tab-${t.id}`}
            onClick={() => {
              setTab(t.id)
              history.replaceState(null, '', `#${t.id}`)
            }}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <section className="prefs-body" role="tabpanel" data-testid={`section-${current.id}`}>
        <current.Section />
      </section>
    </main>
  )
}

/**
 * Amounts shown here follow the same display settings as the popover (hidden amounts, currency): they
 * arrive with every snapshot; each one re-renders the window so a change applies at once.
 */
function useMoneyDisplay(): void {
  const [, setGeneratedAt] = useState('')
  useEffect(() => {
    const api = getApi()
    if (api === null) return
    const apply = (display: Parameters<typeof setMoneyDisplay>[0], generatedAt: string): void => {
      setMoneyDisplay(display)
      setGeneratedAt(generatedAt)
    }
    void api.call('snapshot.get', {}).then((o) => o.ok && apply(o.result.display, o.result.generatedAt))
    return api.onSnapshot((s) => apply(s.display, s.generatedAt))
  }, [])
}

/** `preferences.html#budgets` opens on that tab (the tray's "Budgets…" and tests use it). */
function initialTab(): TabId {
  const hash = location.hash.slice(1)
  return TABS.some((t) => t.id === hash) ? (hash as TabId) : 'plans'
}
