/** The invoice's only styling, inlined: the file must render the same offline, in a mail client or as a PDF. */
export const INVOICE_CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --rule: #d9dee6; --band: #f4f6f9; --accent: #2454a6; }
* { box-sizing: border-box; }
body { margin: 0; background: #eef1f5; color: var(--ink); font: 13px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 960px; margin: 24px auto; padding: 40px 48px; background: #fff; border: 1px solid var(--rule); }
header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 28px 0 8px; color: var(--accent); text-transform: uppercase; letter-spacing: .04em; }
.meta, footer { color: var(--muted); }
footer { margin-top: 32px; border-top: 1px solid var(--rule); padding-top: 10px; font-size: 11px; }
dl { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 0; }
dl > div { background: var(--band); padding: 8px 10px; border-radius: 4px; }
dl > div.total { background: var(--accent); color: #fff; }
dt { font-size: 11px; color: inherit; opacity: .8; }
dd { margin: 2px 0 0; font-size: 17px; font-weight: 600; font-variant-numeric: tabular-nums; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: 11px; padding-bottom: 4px; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
th[scope="row"], thead th:first-child, .t { text-align: left; }
th[scope="row"] { word-break: break-all; font-weight: normal; }
thead th { background: var(--band); font-size: 11px; font-weight: 600; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: none; }
@page { size: A4; margin: 14mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  main { margin: 0; padding: 0; border: none; max-width: none; }
  dl > div.total { background: none; color: var(--ink); border: 2px solid var(--ink); }
  section { break-inside: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
