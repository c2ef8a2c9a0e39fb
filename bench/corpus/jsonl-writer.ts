import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Buffered line writer: a multi-GB corpus is streamed to disk in ~1 MB chunks, never held in memory.
 * Counts bytes and lines so the generators can report corpus size without a second pass.
 */
export interface LineWriter {
  readonly path: string
  /** Writes one line; a `\n` is appended. */
  line(text: string): void
  /** Writes raw text as-is (used for a torn line without its newline). */
  raw(text: string): void
  close(): void
  readonly stats: { bytes: number; lines: number }
}

const FLUSH_CHARS = 1 << 20

export function openLineWriter(path: string): LineWriter {
  mkdirSync(dirname(path), { recursive: true })
  const fd = openSync(path, 'w')
  const stats = { bytes: 0, lines: 0 }
  let chunks: string[] = []
  let pending = 0
  const flush = (): void => {
    if (pending === 0) return
    const buf = Buffer.from(chunks.join(''), 'utf8')
    let done = 0
    while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done)
    stats.bytes += buf.length
    chunks = []
    pending = 0
  }
  const raw = (text: string): void => {
    chunks.push(text)
    pending += text.length
    if (pending >= FLUSH_CHARS) flush()
  }
  return {
    path,
    stats,
    raw,
    line: (text) => {
      raw(text + '\n')
      stats.lines++
    },
    close: () => {
      flush()
      closeSync(fd)
    },
  }
}
