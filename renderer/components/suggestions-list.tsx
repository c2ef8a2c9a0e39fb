import type { SuggestionView } from '../../common/snapshot.ts'

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })
const usdFormat = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 4 })
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 })

/** `unpricedTokens` → "Unpriced tokens": the engine's figure keys, readable. */
export function figureLabel(key: string): string {
  const words = key.replace(/^usd|Usd/g, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Dollar figures (`…Usd`, `usdPer…`) as money, ratios as percentages, counts as numbers. */
export function figureValue(key: string, value: number | string): string {
  if (typeof value === 'string') return value
  if (/Usd$|^usd/i.test(key)) return usdFormat.format(value)
  if (/Ratio$/.test(key)) return percentFormat.format(value)
  if (key === 'multiple') return `${numberFormat.format(value)}×`
  return numberFormat.format(value)
}

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
                    <dt>{figureLabel(key)}</dt>
                    <dd>{figureValue(key, value)}</dd>
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
