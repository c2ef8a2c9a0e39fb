import type { SuggestionView } from '../../common/snapshot.ts'

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })

/** Savings suggestions with the figures behind them, so the reasoning can be checked. */
export function SuggestionsList({ suggestions }: { suggestions: SuggestionView[] }) {
  if (suggestions.length === 0) return null
  return (
    <section className="panel" data-testid="suggestions" aria-label="Suggestions">
      <h2 className="panel-title">Suggestions</h2>
      <ul className="suggestions">
        {suggestions.map((s) => (
          <li key={s.id} className={`suggestion suggestion-${s.severity}`}>
            <div className="suggestion-title">
              <span aria-hidden="true">{s.severity === 'warning' ? '⚠' : 'ℹ'}</span> {s.title}
            </div>
            <p className="suggestion-detail">{s.detail}</p>
            {Object.keys(s.figures).length > 0 && (
              <dl className="figures">
                {Object.entries(s.figures).map(([key, value]) => (
                  <div key={key}>
                    <dt>{key}</dt>
                    <dd>{typeof value === 'number' ? numberFormat.format(value) : value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
