import { openEngine } from './open-engine.ts'
import { reportFilter, type CommonFlags } from './options.ts'
import { fmtInt, renderTable } from './table.ts'

/** `tokenledger sources`: where we looked, what was found, and every skipped line by reason. */
export function sourcesCommand(flags: CommonFlags): void {
  const filter = reportFilter(flags)
  const engine = openEngine(flags, filter.timezone)
  try {
    const sources = engine.sources()
    if (flags.json) {
      process.stdout.write(JSON.stringify({ schemaVersion: 1, sources }, null, 2) + '\n')
      return
    }
    process.stdout.write(
      renderTable(
        ['Provider', 'Location', 'Found', 'Files', 'Events', 'Last event', 'Skipped lines'],
        sources.map((s) => [
          s.provider,
          s.root,
          // Turned off in Preferences → Data sources (history kept); `custom`: a folder the user added.
          `${s.exists ? 'yes' : 'no'}${s.enabled === false ? ' (off)' : ''}${s.custom === true ? ' (custom)' : ''}`,
          fmtInt(s.files),
          fmtInt(s.events),
          s.lastEventAt?.slice(0, 16).replace('T', ' ') ?? '',
          Object.entries(s.skipped).map(([r, n]) => `${r} ${n}`).join(', '),
        ]),
      ) + '\n',
    )
    for (const s of sources) for (const e of s.errors) process.stdout.write(`error: ${e}\n`)
  } finally {
    engine.close()
  }
}

/** `tokenledger rebuild`: re-read every source that still exists; events of vanished files are kept. */
export function rebuildCommand(flags: CommonFlags): void {
  const filter = reportFilter(flags)
  const engine = openEngine(flags, filter.timezone, { ingest: false })
  try {
    const before = (engine.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
    const summary = engine.rebuild()
    const after = (engine.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
    const result = { schemaVersion: 1, filesRead: summary.files, eventsBefore: before, eventsAfter: after, newEvents: summary.newEvents }
    process.stdout.write(
      flags.json
        ? JSON.stringify(result, null, 2) + '\n'
        : `Re-read ${fmtInt(summary.files)} files: ${fmtInt(summary.newEvents)} new events; the ledger holds ${fmtInt(after)} events (was ${fmtInt(before)}).\n`,
    )
  } finally {
    engine.close()
  }
}

/** `tokenledger watch`: keep tailing the sources; rewrite the snapshot file atomically on every change. */
export async function watchCommand(flags: CommonFlags & { uiSnapshotPath?: string }): Promise<void> {
  // Loaded here: the file watcher is only needed by this verb.
  const { LiveEngine } = await import('../core/live-engine.ts')
  const filter = reportFilter(flags)
  const engine = openEngine(flags, filter.timezone)
  const snapshotPath = flags.uiSnapshotPath ?? null
  const live = new LiveEngine(engine, {
    // Only where the flag says: the app may be writing its own snapshot file at the settings' path.
    snapshotPath,
    onSnapshot: (s) => {
      if (snapshotPath === null) process.stdout.write(JSON.stringify({ generatedAt: s.generatedAt, today: s.today.costUsd, month: s.month.costUsd }) + '\n')
    },
    onError: (message) => process.stderr.write(`warning: ${message}\n`),
  })
  await live.start()
  live.publish()
  process.stderr.write(`Watching ${engine.sources().filter((s) => s.exists).length} source locations. Ctrl-C to stop.\n`)
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await live.stop()
  engine.close()
}
