import { existsSync, statSync } from 'node:fs'
import type { AnyAdapter, DiscoveryContext } from '../../common/adapter-contract.ts'
import type { LedgerWriter } from '../store/ledger-writer.ts'
import { discover, type Discovery } from './discover.ts'
import { scanFile, type ScanOutcome } from './scan-file.ts'
import { identityOf } from './read-plan.ts'
import type { CheckpointIdentity } from '../store/checkpoints.ts'

export interface IngestSummary {
  readonly files: number
  readonly changedFiles: number
  readonly newEvents: number
  readonly bytesRead: number
  readonly errors: ScanOutcome[]
  readonly discovery: Discovery
}

export interface IngestOptions {
  readonly now?: () => number
  /** Called after each file with (done, total, bytesRead so far) — drives the CLI's progress bar. */
  readonly onProgress?: (done: number, total: number, bytes: number) => void
  /** Restrict to these paths (a watcher event); otherwise every discovered file is checked. */
  readonly only?: ReadonlySet<string>
  /** Reuse a previous discovery (a watcher event on files already known): skips the directory walk. */
  readonly discovery?: Discovery
}

/**
 * One ingest pass: discover sources, read what changed in each, and remember files that vanished
 * (their events stay: the ledger is lifetime history).
 */
export function runIngest(ledger: LedgerWriter, adapters: readonly AnyAdapter[], ctx: DiscoveryContext, opts: IngestOptions = {}): IngestSummary {
  const now = opts.now ?? Date.now
  const discovery = opts.discovery ?? discover(adapters, ctx)
  const targets = opts.only ? discovery.files.filter((f) => opts.only!.has(f.file.path)) : discovery.files
  let changedFiles = 0
  let newEvents = 0
  let bytesRead = 0
  const errors: ScanOutcome[] = []
  // Many small files share one transaction (each file's own commit becomes a savepoint inside it): a
  // commit per file would make a first backfill of thousands of session files wait on the disk.
  const group = new TransactionGroup(ledger)
  const known = ledger.checkpoints.identities()
  try {
    targets.forEach(({ adapter, file }, i) => {
      // Warm path: a file whose size, mtime and inode match its checkpoint is not even opened.
      // (Databases are always checked: their new rows may be in a sidecar WAL file.)
      if (adapter.kind !== 'database' && isUnchanged(file.path, adapter.parserVersion, known)) {
        opts.onProgress?.(i + 1, targets.length, bytesRead)
        return
      }
      group.beginIfNeeded()
      const outcome = scanFile(ledger, adapter, file, now())
      if (outcome.plan !== 'unchanged') changedFiles++
      newEvents += outcome.inserted
      bytesRead += outcome.bytesRead
      if (outcome.error !== null) errors.push(outcome)
      group.account(outcome.bytesRead)
      opts.onProgress?.(i + 1, targets.length, bytesRead)
    })
    if (opts.only === undefined) markVanished(ledger, discovery, now())
  } finally {
    group.commit()
  }
  return { files: targets.length, changedFiles, newEvents, bytesRead, errors, discovery }
}

function markVanished(ledger: LedgerWriter, discovery: Discovery, now: number): void {
  const present = new Set(discovery.files.map((f) => f.file.path))
  for (const path of ledger.checkpoints.presentPaths()) {
    if (!present.has(path) && !existsSync(path)) ledger.checkpoints.markMissing(path, now)
  }
}

/** Bytes read before a shared transaction is committed (progress is durable at least this often). */
const GROUP_BYTES = 32 * 1024 * 1024

class TransactionGroup {
  private open = false
  private bytes = 0
  private readonly ledger: LedgerWriter

  constructor(ledger: LedgerWriter) {
    this.ledger = ledger
  }

  beginIfNeeded(): void {
    if (this.open || this.ledger.db.inTransaction) return
    this.ledger.db.exec('BEGIN IMMEDIATE')
    this.open = true
    this.bytes = 0
  }

  account(bytes: number): void {
    this.bytes += bytes
    if (this.bytes >= GROUP_BYTES) this.commit()
  }

  commit(): void {
    if (!this.open) return
    this.open = false
    this.ledger.db.exec('COMMIT')
  }
}

function isUnchanged(path: string, parserVersion: number, known: ReadonlyMap<string, CheckpointIdentity>): boolean {
  const cp = known.get(path)
  if (cp === undefined || cp.parserVersion !== parserVersion) return false
  let id
  try {
    id = identityOf(statSync(path))
  } catch {
    return false // let scanFile report why it cannot be read
  }
  return id.size === cp.size && id.mtimeMs === cp.mtimeMs && id.ino === cp.ino && id.dev === cp.dev
}
