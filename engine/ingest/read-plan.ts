import { readSync } from 'node:fs'
import { hashBytes } from '../store/hash-key.ts'
import type { Checkpoint } from '../store/checkpoints.ts'

export const HEAD_BYTES = 4096
export const ANCHOR_BYTES = 64

export interface FileIdentity {
  readonly dev: number
  readonly ino: number
  readonly size: number
  readonly mtimeMs: number
}

/** The identity of a file as checkpoints record it (whole milliseconds, device and inode as numbers). */
export function identityOf(st: { dev: number; ino: number; size: number; mtimeMs: number }): FileIdentity {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: Math.floor(st.mtimeMs) }
}

export type ReadPlan =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'resume'; readonly from: number }
  | { readonly kind: 'full'; readonly reason: 'new' | 'parser-upgraded' | 'replaced' | 'shrunk' | 'rewritten' }

/**
 * Decides how much of a file to read. Resume from the checkpoint only while the file is provably the same
 * file that grew: same device+inode, not shorter, and the head and the bytes just before the checkpoint
 * are unchanged. Anything else is read again from the start; the ledger's dedupe keeps the result exact.
 */
export function planRead(fd: number, id: FileIdentity, cp: Checkpoint | null, parserVersion: number, appendOnly: boolean): ReadPlan {
  if (cp === null) return { kind: 'full', reason: 'new' }
  if (cp.parserVersion !== parserVersion) return { kind: 'full', reason: 'parser-upgraded' }
  if (cp.dev !== id.dev || cp.ino !== id.ino) return { kind: 'full', reason: 'replaced' }
  if (id.size < cp.parsedBytes) return { kind: 'full', reason: 'shrunk' }
  if (id.size === cp.size && id.mtimeMs === cp.mtimeMs) return { kind: 'unchanged' }
  if (!appendOnly) return { kind: 'full', reason: 'rewritten' }
  if (headHash(fd, cp.parsedBytes) !== cp.headHash || anchorHash(fd, cp.parsedBytes) !== cp.anchorHash) {
    return { kind: 'full', reason: 'rewritten' }
  }
  if (id.size === cp.parsedBytes) return { kind: 'unchanged' }
  return { kind: 'resume', from: cp.parsedBytes }
}

/** Hash of the first min(HEAD_BYTES, parsedBytes) bytes: the same span is re-hashed on verification. */
export function headHash(fd: number, parsedBytes: number): number {
  return hashRange(fd, 0, Math.min(HEAD_BYTES, parsedBytes))
}

export function anchorHash(fd: number, parsedBytes: number): number {
  const start = Math.max(0, parsedBytes - ANCHOR_BYTES)
  return hashRange(fd, start, parsedBytes - start)
}

function hashRange(fd: number, position: number, length: number): number {
  if (length <= 0) return 0
  const buf = Buffer.allocUnsafe(length)
  let got = 0
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got)
    if (n === 0) break
    got += n
  }
  return hashBytes(buf.subarray(0, got))
}
