import type { DrilldownRow } from '../../common/reports.ts'
import { reportTokensTotal } from '../../common/tokens.ts'
import { formatCostOrUnpriced, formatInteger, formatRatio, formatSpan, formatTokens } from '../format.ts'

interface Props {
  row: DrilldownRow
  timeZone: string
  /** Opens the next level; absent on the last level (sessions). */
  onOpen?: (() => void) | undefined
  /**
   * What one counted "request" is. Factory Droid only records a running total per session, so its
   * requests are session updates, and the popover says so.
   */
  unit?: { one: string; many: string } | undefined
}

/** One line of a breakdown: cost, tokens, requests, cache hit ratio and when it happened. */
export function DrillRow({ row, timeZone, onOpen, unit = { one: 'request', many: 'requests' } }: Props) {
  const t = row.tokens
  const total = reportTokensTotal(t)
  const body = (
    <>
      <div className="row-line">
        <span className="row-label" title={row.key}>
          {row.label}
        </span>
        <span className={row.costUsd === null ? 'row-cost unpriced' : 'row-cost'} data-testid="drill-cost" data-value={row.costUsd ?? 'unpriced'}>
          {formatCostOrUnpriced(row.costUsd, total, undefined)}
        </span>
        {onOpen && (
          <span className="chevron" aria-hidden="true">
            ›
          </span>
        )}
      </div>
      <div className="muted small" title={`${formatInteger(total, undefined)} tokens`}>
        <span data-testid="drill-tokens" data-value={total}>
          {formatTokens(total, undefined)}
        </span>{' '}
        tokens · in {formatTokens(t.input, undefined)} · out {formatTokens(t.output, undefined)} · cache{' '}
        {formatTokens(t.cacheRead + t.cacheWrite, undefined)}
      </div>
      <div className="muted small">
        <span data-testid="drill-requests">{formatInteger(row.requests, undefined)}</span> {row.requests === 1 ? unit.one : unit.many} · cache hit{' '}
        {row.cacheHitRatio === null ? '—' : formatRatio(row.cacheHitRatio, undefined)} ·{' '}
        {formatSpan(row.firstAt, row.lastAt, timeZone, undefined)}
      </div>
    </>
  )
  return (
    <li data-testid="drill-row" data-key={row.key}>
      {onOpen ? (
        <button type="button" className="drill-item" onClick={onOpen}>
          {body}
        </button>
      ) : (
        <div className="drill-item">{body}</div>
      )}
    </li>
  )
}
