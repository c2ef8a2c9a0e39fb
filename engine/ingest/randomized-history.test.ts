/**
 * Whatever happens to the sources between scans — appends that split lines, truncations, rewrites,
 * replacement by a new file, engine restarts — the ledger must end up EXACTLY as one clean run over the
 * final files would leave it: no lost and no double-counted request, rollups equal to events.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ADAPTERS } from '../../adapters/index.ts'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { LedgerWriter } from '../store/ledger-writer.ts'
import { openLedger } from '../store/open-ledger.ts'
import { runIngest } from './ingest-run.ts'

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures')
/** Cases combined into one home: streaming copies, subagents, sidechain replays, Codex re-emits and forks. */
const CASES = ['claude/streaming-duplicates', 'claude/subagents', 'claude/sidechain-replay', 'codex/reemitted-events', 'codex/forked-subagent', 'codex/regression-compaction']

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort()
}

/** The final state of every source file, merged from the fixture cases (later cases win on name clashes). */
function finalFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const c of CASES) {
    const home = join(fixtures, c, 'home')
    for (const rel of listFiles(home)) files.set(rel, readFileSync(join(home, rel)))
  }
  return files
}

const COLUMNS = `dedupe_key, event_ts, provider, model_raw, session_id, request_id, message_id, is_sidechain, project, input, output,
  cache_read, cache_write_5m, cache_write_1h, reasoning, vendor_cost_usd`

function ledgerState(dbPath: string) {
  const db = openLedger(dbPath)
  const events = db.prepare(`SELECT ${COLUMNS} FROM events ORDER BY dedupe_key`).all()
  const rollup = db.prepare('SELECT q15, provider, model_raw, ctx_bucket, requests, input, output, cache_read, cache_write_5m, cache_write_1h, reasoning FROM rollup_q15 ORDER BY 1,2,3,4').all()
  const sessions = db.prepare('SELECT provider, session_id, utc_day, model_raw, ctx_bucket, requests, input, output, cache_read FROM session_rollup ORDER BY 1,2,3,4,5').all()
  db.close()
  return { events, rollup, sessions }
}

function ingestOnce(dbPath: string, ctx: DiscoveryContext): void {
  const db = openLedger(dbPath)
  runIngest(new LedgerWriter(db), ADAPTERS, ctx, { now: () => 0 })
  db.close()
}

type Op =
  | { kind: 'append'; file: number; fraction: number }
  | { kind: 'truncate'; file: number; fraction: number }
  | { kind: 'replace'; file: number; fraction: number }
  | { kind: 'scan' }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('append' as const), file: fc.nat(50), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), file: fc.nat(50), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), file: fc.nat(50), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'scan' as const }) },
)

describe('randomized source history', () => {
  const files = finalFiles()
  const names = [...files.keys()]
  const cleanDir = mkdtempSync(join(tmpdir(), 'tl-clean-'))
  const cleanHome = join(cleanDir, 'home')
  for (const [rel, bytes] of files) {
    mkdirSync(dirname(join(cleanHome, rel)), { recursive: true })
    writeFileSync(join(cleanHome, rel), bytes)
  }
  ingestOnce(join(cleanDir, 'ledger.sqlite'), { home: cleanHome, env: {}, platform: 'linux' })
  const clean = ledgerState(join(cleanDir, 'ledger.sqlite'))

  it('the clean run is not trivial', () => {
    expect(clean.events.length).toBeGreaterThan(20)
  })

  it('ends with exactly the ledger of one clean run', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 60 }), (ops) => {
        const dir = mkdtempSync(join(tmpdir(), 'tl-random-'))
        const home = join(dir, 'home')
        const dbPath = join(dir, 'ledger.sqlite')
        const ctx: DiscoveryContext = { home, env: {}, platform: 'linux' }
        const written = new Map<string, number>() // bytes of the final content currently in each file
        const path = (rel: string) => join(home, rel)
        const ensure = (rel: string) => mkdirSync(dirname(path(rel)), { recursive: true })
        for (const op of ops) {
          if (op.kind === 'scan') {
            ingestOnce(dbPath, ctx) // every scan is a fresh engine: a restart between scans
            continue
          }
          const rel = names[op.file % names.length]!
          const full = files.get(rel)!
          const have = written.get(rel) ?? 0
          ensure(rel)
          if (op.kind === 'append') {
            const upto = have + Math.ceil((full.length - have) * op.fraction)
            appendFileSync(path(rel), full.subarray(have, upto))
            written.set(rel, upto)
          } else if (op.kind === 'truncate') {
            const to = Math.floor(have * op.fraction)
            writeFileSync(path(rel), full.subarray(0, have), { flag: 'a' })
            truncateSync(path(rel), to)
            written.set(rel, to)
          } else {
            const to = Math.floor(full.length * op.fraction)
            writeFileSync(path(rel) + '.tmp', full.subarray(0, to))
            renameSync(path(rel) + '.tmp', path(rel))
            written.set(rel, to)
          }
        }
        // Finally every file reaches its final content, and one more scan runs.
        for (const [rel, full] of files) {
          ensure(rel)
          const have = written.get(rel) ?? 0
          if (have === 0) writeFileSync(path(rel), full)
          else appendFileSync(path(rel), full.subarray(have))
          expect(statSync(path(rel)).size).toBe(full.length)
        }
        ingestOnce(dbPath, ctx)
        const got = ledgerState(dbPath)
        rmSync(dir, { recursive: true, force: true })
        expect(got.events).toEqual(clean.events)
        expect(got.rollup).toEqual(clean.rollup)
        expect(got.sessions).toEqual(clean.sessions)
      }),
      { numRuns: 40, seed: 20261123 },
    )
  })

  it('a copy of the whole home read again adds nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-copy-'))
    cpSync(cleanHome, join(dir, 'home'), { recursive: true })
    cpSync(join(cleanDir, 'ledger.sqlite'), join(dir, 'ledger.sqlite'))
    ingestOnce(join(dir, 'ledger.sqlite'), { home: join(dir, 'home'), env: {}, platform: 'linux' })
    expect(ledgerState(join(dir, 'ledger.sqlite')).events).toEqual(clean.events)
  })
})
