const NEWLINE = 0x0a

/** One line's byte span `[start, end)` within a buffer, newline excluded. */
export interface LineSpan {
  readonly start: number
  readonly end: number
}

/**
 * Spans of the lines that contain at least one of `markers`, in order, each once. Most bytes of agent logs
 * are lines we never need (Codex `response_item` text, Gemini `$set` updates); instead of splitting every
 * line and searching it, this jumps between marker hits with `Buffer.indexOf` (a native byte search) and
 * only then finds the enclosing line, so unrelated lines are never decoded. A buffer that does not end in a newline ends its last line at the
 * buffer end (the engine normally hands over complete lines only).
 */
export function* markedLines(buf: Buffer, markers: readonly Buffer[]): Generator<LineSpan> {
  // Next known hit of each marker; recomputed only once the scan has passed it.
  const cursors = markers.map((marker) => ({ marker, at: buf.indexOf(marker, 0) }))
  let pos = 0
  while (pos < buf.length) {
    let hit = -1
    for (const c of cursors) {
      if (c.at !== -1 && c.at < pos) c.at = buf.indexOf(c.marker, pos)
      if (c.at !== -1 && (hit === -1 || c.at < hit)) hit = c.at
    }
    if (hit === -1) return
    // `pos` is always a line start, so the line starts after the last newline in [pos, hit), if any.
    const start = hit === pos ? pos : Math.max(pos, buf.lastIndexOf(NEWLINE, hit - 1) + 1)
    const nl = buf.indexOf(NEWLINE, hit)
    const end = nl === -1 ? buf.length : nl
    yield { start, end }
    pos = end + 1
  }
}
