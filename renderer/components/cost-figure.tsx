import type { PeriodFigure } from '../../common/snapshot.ts'
import { formatInteger, formatTokens, formatUsd } from '../format.ts'

interface Props {
  figure: PeriodFigure
  testId: string
  className?: string
}

/**
 * A period's list-price cost. Usage of models without a price is never folded in as $0: when nothing is
 * priced the figure reads "unpriced", and a partly priced figure says how many tokens it leaves out.
 */
export function CostFigure({ figure, testId, className }: Props) {
  const allUnpriced = figure.costUsd === 0 && figure.unpricedTokens > 0
  return (
    <span className={className}>
      <span data-testid={testId} data-value={allUnpriced ? 'unpriced' : String(figure.costUsd)}>
        {allUnpriced ? 'unpriced' : formatUsd(figure.costUsd, undefined)}
      </span>
      {figure.unpricedTokens > 0 && (
        <span className="unpriced-note" title={`${formatInteger(figure.unpricedTokens, undefined)} tokens of models with no known price`}>
          {allUnpriced ? ' ' : ' + '}
          {formatTokens(figure.unpricedTokens, undefined)} tok unpriced
        </span>
      )}
    </span>
  )
}
