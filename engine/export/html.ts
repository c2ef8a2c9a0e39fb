import { PROVIDER_LABELS, type ProviderId } from '../../common/providers.ts'
import { KEY_COLUMNS } from './export-columns.ts'
import type { ExportBundle } from './export-rows.ts'
import type { ExportRow } from './export-types.ts'
import { fmtInt, fmtMultiple, fmtPerMtok, fmtUsd, periodTitle } from './format.ts'
import { INVOICE_CSS } from './invoice-css.ts'

/**
 * `export --format html`: an invoice-style report a user can hand to an employer or client. One
 * self-contained file: inline CSS, no scripts, no remote resources (a CSP forbids both), print-friendly.
 * Every text from the ledger (project paths, ids, plan names) is escaped.
 */
export function renderHtml(bundle: ExportBundle): string {
  const { data } = bundle
  const eco = data.economics
  const title = `AI coding agent usage — ${periodTitle(data.range)}`
  const summary: Array<[string, string, string]> = [
    ['plan-fees', 'Plan fees (F)', fmtUsd(eco.planFeesUsd)],
    ['api-spend', 'API spend (A)', fmtUsd(eco.apiSpendUsd)],
    ['effective-cost', 'Effective cost (F + A)', fmtUsd(eco.effectiveCostUsd)],
    ['value', 'Value at list price (V)', fmtUsd(eco.valueUsd)],
    ['multiple', 'Value multiple (covered value ÷ F)', fmtMultiple(eco.multiple)],
    ['usd-per-mtok', 'Effective $/Mtok', fmtPerMtok(eco.blendedGlobalUsdPerMtok)],
    ['requests', 'Requests', fmtInt(data.totals.requests)],
    ['tokens', 'Tokens', fmtInt(data.totals.tokens.total)],
  ]
  const detail = data.group === 'provider' || data.group === 'project' ? '' : detailSection(bundle)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="TokenLedger">
<title>${esc(title)}</title>
<style>${INVOICE_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${esc(data.range.since)} – ${esc(data.range.until)} · time zone ${esc(data.timezone)} · generated ${esc(data.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>
</header>
<section class="summary">
<h2>Summary</h2>
<dl>
${summary.map(([id, label, value]) => `<div class="${id === 'effective-cost' ? 'total' : ''}"><dt>${esc(label)}</dt><dd id="${id}">${esc(value)}</dd></div>`).join('\n')}
</dl>
</section>
${providerSection(bundle)}
${projectSection(bundle)}
${detail}
${plansSection(bundle)}
${unpricedSection(bundle)}
<footer>
<p>Computed on this computer from the coding agents' own local logs; no prompt or response text is included. Value at list price (V) is what the usage would cost at the vendors' per-token API prices (pricing registry <span id="registry">${esc(data.registryVersion)}</span>), priced at the date of each request. Plan fees are prorated to the days of the period; effective cost = plan fees + API spend; a plan's fee is spread over the usage it covered in proportion to its list-price value.</p>${cursorNote(bundle)}
</footer>
</main>
</body>
</html>
`
}

type Cell = [col: string, text: string]

/** Columns holding names rather than figures: left-aligned. */
const TEXT_COLS = new Set(['provider', 'model', 'project', 'session_id', 'date', 'month', 'plan', 'coverage'])

function table(caption: string, header: readonly string[], rows: readonly (readonly Cell[])[], total: readonly Cell[] | null): string {
  const cols = (rows[0] ?? total ?? []).map(([col]) => col)
  const cls = (i: number): string => (TEXT_COLS.has(cols[i] ?? '') ? ' class="t"' : '')
  const tr = (cells: readonly Cell[]): string =>
    `<tr>${cells.map(([col, text], i) => (i === 0 ? `<th scope="row" data-col="${col}">${esc(text)}</th>` : `<td data-col="${col}"${cls(i)}>${esc(text)}</td>`)).join('')}</tr>`
  return `<table>
<caption>${esc(caption)}</caption>
<thead><tr>${header.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => tr(r)).join('\n')}
</tbody>${total === null ? '' : `\n<tfoot>${tr(total)}</tfoot>`}
</table>`
}

function providerSection({ data, byProvider }: ExportBundle): string {
  const eco = data.economics
  const providers = new Set<ProviderId>([...byProvider.map((r) => r.provider!), ...eco.providers.map((p) => p.provider)])
  const rows = [...providers].map((id): Cell[] => {
    const usage = byProvider.find((r) => r.provider === id)
    const e = eco.providers.find((p) => p.provider === id)
    return [
      ['provider', PROVIDER_LABELS[id]],
      ['requests', fmtInt(usage?.requests ?? 0)],
      ['tokens', fmtInt(usage?.tokens.total ?? 0)],
      ['value', fmtUsd(usage?.costUsd ?? null)],
      ['plan-fees', fmtUsd(e?.planFeesUsd ?? 0)],
      ['api-spend', fmtUsd(e?.apiSpendUsd ?? 0)],
      ['effective', fmtUsd(e?.effectiveCostUsd ?? 0)],
      ['usd-per-mtok', fmtPerMtok(e?.blendedProviderUsdPerMtok ?? null)],
    ]
  })
  const t = data.totals
  const total: Cell[] = [['provider', 'Total'], ['requests', fmtInt(t.requests)], ['tokens', fmtInt(t.tokens.total)], ['value', fmtUsd(t.costUsd)], ['plan-fees', fmtUsd(eco.planFeesUsd)], ['api-spend', fmtUsd(eco.apiSpendUsd)], ['effective', fmtUsd(eco.effectiveCostUsd)], ['usd-per-mtok', fmtPerMtok(eco.blendedGlobalUsdPerMtok)]]
  return `<section class="by-provider">\n<h2>By provider</h2>\n${table('Usage and cost by provider', ['Provider', 'Requests', 'Tokens', 'Value at list price', 'Plan fees', 'API spend', 'Effective cost', 'Effective $/Mtok'], rows, total)}\n</section>`
}

function projectSection({ data, byProject }: ExportBundle): string {
  const rows = byProject.map((r): Cell[] => [['project', projectLabel(r.project)], ['requests', fmtInt(r.requests)], ['tokens', fmtInt(r.tokens.total)], ['value', fmtUsd(r.costUsd)], ['effective', fmtUsd(r.effectiveCostUsd)]])
  // Fees of plans with no priced usage in a period land on no project: show them so the column adds up to F + A.
  const unallocated = data.economics.effectiveCostUsd - (sumEffective(byProject) ?? 0)
  if (unallocated >= 0.005) rows.push([['project', 'Plan fees not matched by priced usage'], ['requests', ''], ['tokens', ''], ['value', ''], ['effective', fmtUsd(Math.round(unallocated * 1e6) / 1e6)]])
  const t = data.totals
  const total: Cell[] = [['project', 'Total'], ['requests', fmtInt(t.requests)], ['tokens', fmtInt(t.tokens.total)], ['value', fmtUsd(t.costUsd)], ['effective', fmtUsd(unallocated >= 0.005 ? data.economics.effectiveCostUsd : sumEffective(byProject))]]
  return `<section class="by-project">\n<h2>By project</h2>\n${table('Usage and cost by project (effective cost: its share of plan fees + its API spend)', ['Project', 'Requests', 'Tokens', 'Value at list price', 'Effective cost'], rows, total)}\n</section>`
}

function detailSection({ data }: ExportBundle): string {
  const keys = KEY_COLUMNS[data.group].filter((k) => k.csv !== 'project' || data.group !== 'session')
  const rows = data.rows.map((r): Cell[] => [
    ...keys.map((k): Cell => [k.csv, k.csv === 'provider' && r.provider !== null ? PROVIDER_LABELS[r.provider] : (k.value(r) ?? '')]),
    ['requests', fmtInt(r.requests)],
    ['tokens', fmtInt(r.tokens.total)],
    ['value', fmtUsd(r.costUsd)],
    ['effective', fmtUsd(r.effectiveCostUsd)],
  ])
  return `<section class="detail">\n<h2>Detail by ${esc(data.group)}</h2>\n${table(`Usage by ${data.group}, provider and model`, [...keys.map((k) => k.label), 'Requests', 'Tokens', 'Value at list price', 'Effective cost'], rows, null)}\n</section>`
}

function plansSection({ data }: ExportBundle): string {
  const plans = data.economics.plans
  if (plans.length === 0) return `<section class="plans">\n<h2>Plans</h2>\n<p>No subscriptions in this period: all usage is priced per token.</p>\n</section>`
  const rows = plans.map((p): Cell[] => [
    ['plan', p.name],
    ['provider', `${PROVIDER_LABELS[p.provider]}${p.account === null ? '' : ` (${p.account})`}`],
    ['fee', `${fmtUsd(p.cycleFeeUsd)} ${p.billing}`],
    ['coverage', `${p.startDate} – ${p.endDate ?? 'ongoing'}`],
    ['days', fmtInt(p.activeDays)],
    ['fee-in-period', fmtUsd(p.feeUsd)],
    ['value', fmtUsd(p.valueUsd)],
    ['multiple', fmtMultiple(p.multiple)],
  ])
  return `<section class="plans">\n<h2>Plans</h2>\n${table('Subscriptions active in the period', ['Plan', 'Provider', 'Fee', 'Coverage', 'Days in period', 'Fee for the period', 'Value covered', 'Multiple'], rows, null)}\n</section>`
}

/** Cursor keeps no local token log: its lines come from the dashboard's CSV export, which is account-wide. */
function cursorNote({ byProvider }: ExportBundle): string {
  if (!byProvider.some((r) => r.provider === 'cursor')) return ''
  return `\n<p id="cursor-note">Cursor figures come from Cursor's usage export (dashboard CSV): account-wide, as of the export date, at Cursor's own charges.</p>`
}

function unpricedSection({ data }: ExportBundle): string {
  if (data.unpricedModels.length === 0) return `<section class="unpriced">\n<h2>Unpriced models</h2>\n<p>Every model used in this period has a known price.</p>\n</section>`
  const rows = data.unpricedModels.map((m): Cell[] => [['model', m.model], ['provider', PROVIDER_LABELS[m.provider]], ['requests', fmtInt(m.requests)], ['tokens', fmtInt(m.tokens)]])
  return `<section class="unpriced">\n<h2>Unpriced models</h2>\n<p>These models have no known price: their tokens are counted above but are in no cost.</p>\n${table('Models without a price', ['Model', 'Provider', 'Requests', 'Tokens'], rows, null)}\n</section>`
}

function projectLabel(p: string | null): string {
  return p === null || p === '' ? '(unknown project)' : p
}

function sumEffective(rows: readonly ExportRow[]): number | null {
  let sum: number | null = null
  for (const r of rows) if (r.effectiveCostUsd !== null) sum = (sum ?? 0) + r.effectiveCostUsd
  return sum === null ? null : Math.round(sum * 1e6) / 1e6
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
