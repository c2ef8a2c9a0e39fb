/**
 * A progress bar on stderr for long first backfills. Only on a TTY: scripts and pipes get clean output.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number, bytes: number) => void) | undefined {
  if (!stream.isTTY) return undefined
  let lastDraw = 0
  return (done, total, bytes) => {
    const now = Date.now()
    if (done !== total && now - lastDraw < 100) return
    lastDraw = now
    const width = 30
    const filled = total === 0 ? width : Math.round((done / total) * width)
    const mb = (bytes / 1048576).toFixed(0)
    stream.write(`\rReading agent logs [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} files, ${mb} MB`)
    if (done === total) stream.write('\r\x1b[K')
  }
}
