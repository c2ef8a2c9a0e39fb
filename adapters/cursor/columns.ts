/**
 * Columns of Cursor's usage-events export, found by HEADER NAME, never by position: the header has
 * several variants (agent-formats.md §8.1) and readers that fixed indices broke on each new one:
 *   old:    Date,Model,Input (w/ Cache Write),Input (w/o Cache Write),Cache Read,Output Tokens,Total Tokens,Cost,Cost to you
 *   kinds:  Date,Kind,Model,Max Mode,Input (w/ Cache Write),…,Total Tokens,Cost
 *   agents: Date,Cloud Agent ID,Automation ID,Kind,Model,Max Mode,…
 *   teams:  a `User` column besides.
 */
export interface CursorColumns {
  readonly date: number
  readonly model: number
  /** `Input (w/ Cache Write)`: despite its name, the cache-WRITE count (disjoint from the other three). */
  readonly cacheWrite: number
  /** `Input (w/o Cache Write)`: uncached input. */
  readonly input: number
  readonly cacheRead: number
  readonly output: number
  readonly total: number | null
  readonly cost: number | null
  readonly kind: number | null
  readonly maxMode: number | null
  readonly user: number | null
  /** Number of header cells: a data row with fewer cells was cut short. */
  readonly width: number
}

const REQUIRED = {
  date: 'Date',
  model: 'Model',
  cacheWrite: 'Input (w/ Cache Write)',
  input: 'Input (w/o Cache Write)',
  cacheRead: 'Cache Read',
  output: 'Output Tokens',
} as const

const OPTIONAL = {
  total: 'Total Tokens',
  cost: 'Cost',
  kind: 'Kind',
  maxMode: 'Max Mode',
  user: 'User',
} as const

export type HeaderResult = { readonly columns: CursorColumns } | { readonly problem: string }

/** Header names compared without case, surrounding spaces or doubled spaces. */
function norm(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * Locates the columns in a header record, or says in one sentence why this is not a usage-events
 * export (shown by `tokenledger import cursor` and counted as a skip when found in the import folder).
 */
export function readHeader(cells: readonly string[]): HeaderResult {
  const index = new Map<string, number>()
  cells.forEach((c, i) => {
    if (!index.has(norm(c))) index.set(norm(c), i)
  })
  const find = (name: string): number | null => index.get(norm(name)) ?? null
  if (find('Request Count') !== null && find('Date') === null) {
    return { problem: "this is Cursor's per-model summary (it has no Date column); export the usage events instead" }
  }
  const missing = Object.values(REQUIRED).filter((name) => find(name) === null)
  if (missing.length > 0) return { problem: `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}` }
  return {
    columns: {
      date: find(REQUIRED.date)!,
      model: find(REQUIRED.model)!,
      cacheWrite: find(REQUIRED.cacheWrite)!,
      input: find(REQUIRED.input)!,
      cacheRead: find(REQUIRED.cacheRead)!,
      output: find(REQUIRED.output)!,
      total: find(OPTIONAL.total),
      cost: find(OPTIONAL.cost),
      kind: find(OPTIONAL.kind),
      maxMode: find(OPTIONAL.maxMode),
      user: find(OPTIONAL.user),
      width: cells.length,
    },
  }
}
