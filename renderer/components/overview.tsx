import type { UiSnapshot } from '../../common/snapshot.ts'
import { BudgetBars } from './budget-bars.tsx'
import { DailyChart } from './daily-chart.tsx'
import { HeaderSummary } from './header-summary.tsx'
import { ProviderCard } from './provider-card.tsx'
import { LocalActivity } from './local-activity.tsx'
import { SourceHealth } from './source-health.tsx'
import { SuggestionsList } from './suggestions-list.tsx'
import { TopModels } from './top-models.tsx'

/** The popover's first screen. */
export function Overview({ snapshot }: { snapshot: UiSnapshot }) {
  return (
    <main className="overview" data-testid="overview">
      <HeaderSummary snapshot={snapshot} />
      <BudgetBars budgets={snapshot.budgets} />
      {snapshot.providers.map((card) => (
        <ProviderCard key={card.provider} card={card} />
      ))}
      <DailyChart daily={snapshot.daily} />
      <TopModels models={snapshot.topModels} />
      <SuggestionsList suggestions={snapshot.suggestions} />
      <LocalActivity activity={snapshot.localActivity} />
      <SourceHealth sources={snapshot.sources} />
    </main>
  )
}
