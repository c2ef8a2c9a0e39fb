import type { SourceFileRef } from '../../common/adapter-contract.ts'

export const ROOT = { dir: '/home/dev/.tokenledger/imports/cursor', account: '/home/dev/.tokenledger/imports/cursor' } as const
export const FILE: SourceFileRef = { path: `${ROOT.dir}/cursor-usage.csv`, root: ROOT }

const TOKENS = 'Input (w/ Cache Write),Input (w/o Cache Write),Cache Read,Output Tokens,Total Tokens'

/** The header variants of Cursor's usage export (agent-formats.md §8.1). */
export const HEADERS = {
  old: `Date,Model,${TOKENS},Cost,Cost to you`,
  kinds: `Date,Kind,Model,Max Mode,${TOKENS},Cost`,
  agents: `Date,Cloud Agent ID,Automation ID,Kind,Model,Max Mode,${TOKENS},Cost`,
  team: `Date,User,Kind,Model,Max Mode,${TOKENS},Cost`,
} as const

export interface RowSpec {
  date: string
  model: string
  /** Input (w/ Cache Write), Input (w/o Cache Write), Cache Read, Output Tokens. */
  tokens: [number, number, number, number]
  total?: number | string
  cost?: string
  kind?: string
  user?: string
}

/** A row in a header variant's column order, every cell quoted as Cursor writes them. */
export function row(variant: keyof typeof HEADERS, r: RowSpec): string {
  const [w, wo, read, out] = r.tokens
  const total = r.total ?? w + wo + read + out
  const cost = r.cost ?? '0.10'
  const kind = r.kind ?? 'Included'
  const cells: Record<keyof typeof HEADERS, Array<string | number>> = {
    old: [r.date, r.model, w, wo, read, out, total, cost, cost],
    kinds: [r.date, kind, r.model, 'No', w, wo, read, out, total, cost],
    agents: [r.date, '', '', kind, r.model, 'No', w, wo, read, out, total, cost],
    team: [r.date, r.user ?? 'dev@example.com', kind, r.model, 'No', w, wo, read, out, total, cost],
  }
  return cells[variant].map((c) => `"${String(c).replaceAll('"', '""')}"`).join(',')
}

export function csv(variant: keyof typeof HEADERS, rows: RowSpec[], eol = '\n'): string {
  return [HEADERS[variant], ...rows.map((r) => row(variant, r))].join(eol) + eol
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** tokscale's "Real format from Cursor API" rows (crates/tokscale-core/src/sessions/cursor.rs). */
export const TOKSCALE_CSV = `Date,Kind,Model,Max Mode,Input (w/ Cache Write),Input (w/o Cache Write),Cache Read,Output Tokens,Total Tokens,Cost
"2025-11-13T18:36:05.846Z","Included","auto","No","28342","775","105891","21282","156290","0.19"
"2025-11-13T13:35:04.658Z","On-Demand","gpt-5-codex","No","0","8263","66964","1612","76839","0.03"`
