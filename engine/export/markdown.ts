import { KEY_COLUMNS, METRIC_COLUMNS, type Figures, type KeyColumn } from './export-columns.ts'
import type { ExportData, ExportRow } from './export-types.ts'
import { fmtInt, fmtMultiple, fmtPerMtok, fmtUsd, periodTitle } from './format.ts'

/** `export --format md`: the same lines as the CSV as one Markdown table, a TOTAL row and a summary. */
export function renderMarkdown(data: ExportData): string {
  const keys = KEY_COLUMNS[data.group]
  const header = [...keys.map((k) => k.label), ...METRIC_COLUMNS.map((m) => m.label)]
  const align = [...keys.map(() => '---'), ...METRIC_COLUMNS.map(() => '---:')]
  const eco = data.economics
  const t = data.totals
  const out = [
    `# AI coding usage by ${data.group}: ${periodTitle(data.range)}`,
    '',
    `${data.range.since} – ${data.range.until} (${md(data.timezone)}), generated ${data.generatedAt}.`,
    '',
    row(header),
    row(align),
    ...data.rows.map((r) => row([...keys.map((k) => keyCell(k, r)), ...figureCells(r)])),
    row([...keys.map((_, i) => (i === 0 ? '**TOTAL**' : '')), ...figureCells(t)]),
    '',
    `**Totals:** ${fmtInt(t.requests)} requests, ${fmtInt(t.tokens.total)} tokens, ${fmtUsd(t.costUsd)} at list price; ` +
      `effective cost ${fmtUsd(t.effectiveCostUsd)} (plan fees ${fmtUsd(eco.planFeesUsd)} + API spend ${fmtUsd(eco.apiSpendUsd)}), ` +
      `${eco.multiple === null ? '' : `value multiple ${fmtMultiple(eco.multiple)}, `}effective ${fmtPerMtok(eco.blendedGlobalUsdPerMtok)}.`,
  ]
  if (data.unpricedModels.length > 0) {
    out.push('', `**Unpriced models** (in no cost): ${data.unpricedModels.map((m) => `${md(m.model)} (${m.provider}, ${fmtInt(m.tokens)} tokens)`).join(', ')}.`)
  }
  out.push('', `Prices: registry ${md(data.registryVersion)}. Tokens: output includes reasoning; total = input + output + cache write + cache read.`)
  return out.join('\n') + '\n'
}

function keyCell(k: KeyColumn, r: ExportRow): string {
  const v = k.value(r)
  if (k.csv === 'project' && v === '') return '(unknown project)'
  return md(v ?? '')
}

function figureCells(f: Figures): string[] {
  return METRIC_COLUMNS.map((m) => {
    const v = m.value(f)
    return m.money === true ? fmtUsd(v) : fmtInt(v ?? 0)
  })
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

/** Keeps ids inert in a table cell: pipes would split it, markup characters would render. */
function md(text: string): string {
  return text.replace(/[\\|<>*`[\]]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')
}
