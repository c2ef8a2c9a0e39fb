import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { zstdDecompressSync } from 'node:zlib'
import type { AnyAdapter, JsonlAdapter, SkipCounts, SourceFileRef, WholeFileAdapter } from '../../common/adapter-contract.ts'
import { scanDatabase } from './scan-database.ts'
import type { LimitReading, UsageEvent } from '../../common/usage-event.ts'
import type { Checkpoint } from '../store/checkpoints.ts'
import type { LedgerWriter } from '../store/ledger-writer.ts'
import { anchorHash, headHash, identityOf, planRead, type FileIdentity } from './read-plan.ts'

/** Bytes read per step; one step is one transaction (events + checkpoint move together). */
const CHUNK_BYTES = 8 * 1024 * 1024
/** A single line larger than this is skipped (counted), not buffered. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024
const NEWLINE = 0x0a
/**
 * One read buffer reused by every file scan (scans never overlap: they run synchronously). Allocating
 * 8 MiB per file made a backfill of thousands of small session files spend its time zero-filling memory.
 * A buffer grown for a long line is kept up to this size, so a file of long lines does not regrow it.
 */
let sharedChunk = Buffer.allocUnsafe(CHUNK_BYTES)
const GROWN_CHUNK_KEEP_BYTES = 32 * 1024 * 1024

export interface ScanOutcome {
  readonly path: string
  readonly plan: 'unchanged' | 'resume' | 'full' | 'error'
  readonly bytesRead: number
  readonly eventsSeen: number
  readonly inserted: number
  readonly error: string | null
}

/**
 * Reads what is new in one source file and writes it to the ledger. Never throws for bad content: bad
 * lines are counted skips; an unreadable file is recorded on its checkpoint and reported.
 */
export function scanFile(ledger: LedgerWriter, adapter: AnyAdapter, file: SourceFileRef, now: number): ScanOutcome {
  let fd: number
  try {
    fd = openSync(file.path, 'r')
  } catch (err) {
    return { path: file.path, plan: 'error', bytesRead: 0, eventsSeen: 0, inserted: 0, error: describe(err) }
  }
  try {
    const id: FileIdentity = identityOf(fstatSync(fd))
    if (adapter.kind === 'database') return scanDatabase(ledger, adapter, file, id, now)
    const compressed = adapter.kind === 'jsonl' && adapter.compressedSuffix !== undefined && file.path.endsWith(adapter.compressedSuffix)
    const cp = ledger.checkpoints.get(file.path)
    const plan = planRead(fd, id, cp, adapter.parserVersion, adapter.kind === 'jsonl' && !compressed)
    if (plan.kind === 'unchanged') return { path: file.path, plan: 'unchanged', bytesRead: 0, eventsSeen: 0, inserted: 0, error: null }
    const resume = plan.kind === 'resume' && cp !== null
    const base: Checkpoint = {
      path: file.path,
      provider: adapter.provider,
      account: file.root.account,
      ...id,
      parsedBytes: resume ? cp.parsedBytes : 0,
      headHash: 0,
      anchorHash: 0,
      parserVersion: adapter.parserVersion,
      state: resume ? cp.state : adapter.initialState(file),
      // Events first stored from this file: a re-read only adds what is new (copies merge), so keep counting.
      events: cp?.events ?? 0,
      // Skips restart with a full re-read, because the same lines are read (and skipped) again.
      skipped: resume ? { ...cp.skipped } : {},
      lastEventTs: cp?.lastEventTs ?? null,
      lastError: null,
      missingSince: null,
    }
    const counters = { bytesRead: 0, eventsSeen: 0, inserted: 0 }
    if (adapter.kind === 'whole-file') scanWhole(ledger, adapter, { ...file, mtimeMs: id.mtimeMs }, fd, base, now, counters)
    else if (compressed) scanCompressed(ledger, adapter, file, fd, base, now, counters)
    else scanLines(ledger, adapter, file, fd, base, now, counters)
    return { path: file.path, plan: plan.kind, ...counters, error: null }
  } catch (err) {
    const message = describe(err)
    ledger.recordError(file.path, adapter.provider, file.root.account, message, now)
    return { path: file.path, plan: 'error', bytesRead: 0, eventsSeen: 0, inserted: 0, error: message }
  } finally {
    closeSync(fd)
  }
}

export interface Counters {
  bytesRead: number
  eventsSeen: number
  inserted: number
}

function scanLines(ledger: LedgerWriter, adapter: JsonlAdapter<unknown>, file: SourceFileRef, fd: number, cp: Checkpoint, now: number, counters: Counters): void {
  let position = cp.parsedBytes
  let buf = sharedChunk
  let carry = 0 // bytes at the start of buf not yet consumed (an incomplete line)
  let skippingHugeLine = false
  for (;;) {
    if (carry === buf.length) {
      if (buf.length >= MAX_LINE_BYTES) {
        // One line larger than we are willing to hold: drop it and everything up to its newline.
        skippingHugeLine = true
        position += carry
        carry = 0
      } else {
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, MAX_LINE_BYTES))
        buf.copy(bigger, 0, 0, carry)
        buf = bigger
        if (buf.length <= GROWN_CHUNK_KEEP_BYTES) sharedChunk = buf
      }
    }
    const n = readSync(fd, buf, carry, buf.length - carry, position + carry)
    if (n === 0) break
    counters.bytesRead += n
    let end = carry + n
    let start = 0
    if (skippingHugeLine) {
      const nl = buf.indexOf(NEWLINE, 0)
      if (nl < 0 || nl >= end) {
        position += end
        carry = 0
        continue
      }
      skippingHugeLine = false
      bump(cp.skipped, 'line-too-large', 1)
      start = nl + 1
    }
    const lastNl = buf.lastIndexOf(NEWLINE, end - 1)
    if (lastNl < start) {
      // No complete line yet: keep what we have and read more.
      if (start > 0) {
        buf.copy(buf, 0, start, end)
        position += start
        end -= start
        cp.parsedBytes = position
      }
      carry = end
      continue
    }
    const consumed = lastNl + 1
    const bytes = buf.subarray(start, consumed)
    const result = adapter.parseLines(bytes, position + start, file, cp.state)
    cp.state = result.state
    cp.parsedBytes = position + consumed
    applyResult(ledger, fd, cp, result.events, result.limits, result.skips, now, counters)
    buf.copy(buf, 0, consumed, end)
    carry = end - consumed
    position += consumed
  }
  if (cp.parsedBytes === 0 || counters.bytesRead === 0) {
    // Nothing consumed this time (empty file or only a torn line): still record identity so an
    // unchanged file is not re-read on every scan.
    applyResult(ledger, fd, cp, [], [], {}, now, counters)
  }
}

function scanCompressed(ledger: LedgerWriter, adapter: JsonlAdapter<unknown>, file: SourceFileRef, fd: number, cp: Checkpoint, now: number, counters: Counters): void {
  const raw = readFileSync(fd)
  counters.bytesRead += raw.length
  let text: Buffer
  try {
    text = zstdDecompressSync(raw)
  } catch (err) {
    bump(cp.skipped, 'bad-compressed-file', 1)
    cp.lastError = `cannot decompress: ${describe(err)}`
    applyResult(ledger, fd, cp, [], [], {}, now, counters)
    return
  }
  const lastNl = text.lastIndexOf(NEWLINE)
  const result = lastNl < 0 ? null : adapter.parseLines(text.subarray(0, lastNl + 1), 0, file, cp.state)
  if (result !== null) cp.state = result.state
  // For a compressed file the checkpoint covers the whole compressed file: any change re-reads it all.
  cp.parsedBytes = raw.length
  applyResult(ledger, fd, cp, result?.events ?? [], result?.limits ?? [], result?.skips ?? {}, now, counters)
}

/** A file rewritten whole: parse all of it again (its events dedupe against what was stored before). */
function scanWhole(ledger: LedgerWriter, adapter: WholeFileAdapter<unknown>, file: SourceFileRef, fd: number, cp: Checkpoint, now: number, counters: Counters): void {
  const bytes = readFileSync(fd)
  counters.bytesRead += bytes.length
  const result = adapter.parseFile(bytes, file, cp.state)
  cp.state = result.state
  cp.parsedBytes = bytes.length
  applyResult(ledger, fd, cp, result.events, result.limits, result.skips, now, counters)
}

export function applyResult(
  ledger: LedgerWriter,
  fd: number,
  cp: Checkpoint,
  events: UsageEvent[],
  limits: LimitReading[],
  skips: SkipCounts,
  now: number,
  counters: Counters,
): void {
  for (const [reason, count] of Object.entries(skips)) bump(cp.skipped, reason, count)
  cp.headHash = headHash(fd, cp.parsedBytes)
  cp.anchorHash = anchorHash(fd, cp.parsedBytes)
  for (const e of events) if (cp.lastEventTs === null || e.eventTs > cp.lastEventTs) cp.lastEventTs = e.eventTs
  counters.eventsSeen += events.length
  const stats = ledger.commit(events, limits, cp, now)
  counters.inserted += stats.inserted
}

function bump(counts: SkipCounts, reason: string, by: number): void {
  counts[reason] = (counts[reason] ?? 0) + by
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
