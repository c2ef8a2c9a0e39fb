import { join } from 'node:path'
import { csv, type RowSpec } from '../../adapters/cursor/test-csv.ts'
import { cursorCsv, type CursorRow } from '../../e2e/harness/agent-lines.ts'
import type { AgentCorpusOptions } from './agent-options.ts'
import { addRequest, emptyStats, emptyTotals, type ProviderCorpus } from './expected.ts'
import { createRng } from './prng.ts'
import { writeTextFile } from './text-file.ts'
import { uniqueInstants } from './unique-instants.ts'

const DAY_MS = 86_400_000
const MODELS = ['auto', 'auto', 'claude-4.5-sonnet', 'claude-4.5-sonnet-thinking', 'gpt-5', 'gpt-5-codex', 'composer-1']
const KINDS = ['Included', 'Included', 'On-Demand'] as const

interface DatedRow extends CursorRow {
  /** Day index in the corpus range: which export(s) hold the row. */
  day: number
}

const newestFirst = (a: { at: Date }, b: { at: Date }): number => b.at.getTime() - a.at.getTime()

function toSpec(r: CursorRow): RowSpec {
  return { date: r.at.toISOString(), model: r.model, kind: r.kind, cost: r.cost, tokens: [r.inputWithCacheWrite, r.inputWithoutCacheWrite, r.cacheRead, r.output] }
}

/**
 * Writes two Cursor dashboard exports into TokenLedger's import folder `<dir>/.tokenledger/imports/cursor`
 * (agent-formats.md §8.1) holding exactly `requests` distinct billable rows. The first export covers the
 * first two thirds of the range in the `Date,Kind,Model,Max Mode,…` layout with a byte-order mark; the
 * second, downloaded later, covers the last two thirds in the newer layout with agent columns, so the
 * middle third is in both (rows carry no id: a reader must merge them by content). Errored rows with
 * zero tokens are not requests. Every row has its own instant, so no two distinct rows look like copies.
 */
export function generateCursor(opts: AgentCorpusOptions): ProviderCorpus {
  const rng = createRng(opts.seed)
  const expected = emptyTotals()
  const stats = emptyStats()
  const days = Math.max(1, opts.days)
  const firstDay = Math.floor(opts.startMs / DAY_MS) * DAY_MS
  const at = uniqueInstants()
  const instant = (day: number): Date => new Date(at.take(firstDay + day * DAY_MS + rng.int(1_800_000, 79_200_000)))
  const rows: DatedRow[] = []
  for (let i = 0; i < opts.requests; i++) {
    const day = rng.int(0, days - 1)
    const row: DatedRow = {
      day,
      at: instant(day),
      model: rng.pick(MODELS),
      kind: rng.pick(KINDS),
      inputWithCacheWrite: rng.chance(0.5) ? 0 : rng.int(100, 40_000),
      inputWithoutCacheWrite: rng.int(0, 12_000),
      cacheRead: rng.chance(0.2) ? 0 : rng.int(1_000, 300_000),
      output: rng.int(10, 20_000),
      cost: (rng.int(0, 250) / 100).toFixed(2),
    }
    rows.push(row)
    const tokens = { input: row.inputWithoutCacheWrite, output: row.output, cacheRead: row.cacheRead, cacheWrite5m: row.inputWithCacheWrite, cacheWrite1h: 0, reasoning: 0 }
    addRequest(expected, row.at.getTime(), row.model, tokens)
  }
  const firstEnd = Math.ceil((2 * days) / 3)
  const secondStart = Math.floor(days / 3)
  const first = rows.filter((r) => r.day < firstEnd)
  const second = rows.filter((r) => r.day >= secondStart)
  stats.duplicateLines += rows.filter((r) => r.day < firstEnd && r.day >= secondStart).length
  const errored = Array.from({ length: Math.ceil(opts.requests / 50) }, (): RowSpec & { at: Date } => {
    const when = instant(rng.int(secondStart, days - 1))
    return { at: when, date: when.toISOString(), model: rng.pick(MODELS), kind: 'Errored, No Charge', cost: '0', tokens: [0, 0, 0, 0] }
  })
  stats.malformedLines += errored.length
  const dir = join(opts.dir, '.tokenledger', 'imports', 'cursor')
  const dayName = (day: number): string => new Date(firstDay + day * DAY_MS).toISOString().slice(0, 10)
  writeTextFile(join(dir, `cursor-usage-events-${dayName(firstEnd - 1)}.csv`), cursorCsv(first), stats)
  const later = [...second.map((r) => ({ at: r.at, ...toSpec(r) })), ...errored].sort(newestFirst)
  writeTextFile(join(dir, `usage-events-${dayName(days - 1)}.csv`), csv('agents', later), stats)
  return { expected, stats }
}
