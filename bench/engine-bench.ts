import { existsSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { measureAppendLatency, type AppendLatency } from './append-latency.ts'
import type { GeneratedHome } from './corpus/index.ts'
import { measure, median, type RunResult } from './measure.ts'
import { verifyDaily, type Verdict } from './verify.ts'

/**
 * TokenLedger's figures for one corpus, always through the real CLI in a child process:
 * `daily --json` on an empty ledger (cold backfill: ingest everything, then report), the same again
 * (warm, nothing changed), five more for the warm median, then `watch` for append latency.
 */
export interface EngineFigures {
  cold: RunResult
  warmNoChange: RunResult
  warmDailyMs: number[]
  warmDailyMedianMs: number
  ledgerBytes: number
  verdict: Verdict
  append: AppendLatency
}

/** The CLI bundle (`npm run bench` builds it first): what users run, so what we measure. */
export const CLI_PATH = join('out', 'cli', 'tokenledger.js')

function fileSize(p: string): number {
  return existsSync(p) ? statSync(p).size : 0
}

function failure(what: string, r: RunResult): Error {
  return new Error(`${what} exited with status ${r.status}: ${r.stderr.trim().slice(-1_500) || '(no stderr)'}`)
}

export async function benchEngine(o: { repoRoot: string; home: string; scratch: string; expected: GeneratedHome; appends: number }): Promise<EngineFigures> {
  const db = join(o.scratch, 'ledger.sqlite')
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true })
  const args = [CLI_PATH, 'daily', '--json', '--home', o.home, '--db', db, '--tz', 'UTC']
  const run = (): RunResult => measure(process.execPath, args, { cwd: o.repoRoot, scratch: o.scratch })

  const cold = run()
  if (cold.status !== 0) throw failure('cold `daily --json`', cold)
  const verdict = verifyDaily(cold.stdout, o.expected)
  const warmNoChange = run()
  if (warmNoChange.status !== 0) throw failure('warm `daily --json`', warmNoChange)
  if (warmNoChange.stdout !== cold.stdout) verdict.problems.push('the warm report differs from the cold one (nothing changed in between)')
  const warmDailyMs = Array.from({ length: 5 }, () => run().wallMs)
  const ledgerBytes = fileSize(db) + fileSize(db + '-wal')
  const append = await measureAppendLatency({ repoRoot: o.repoRoot, cli: CLI_PATH, home: o.home, db, scratch: o.scratch, appends: o.appends })
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true })
  return { cold, warmNoChange, warmDailyMs, warmDailyMedianMs: median(warmDailyMs), ledgerBytes, verdict: { ...verdict, ok: verdict.problems.length === 0 }, append }
}

/** Median wall time of `node -e 0`: the floor under any CLI run, so readers can see the engine's own share. */
export function nodeStartupMs(scratch: string): number {
  return median(Array.from({ length: 5 }, () => measure(process.execPath, ['-e', '0'], { scratch }).wallMs))
}
