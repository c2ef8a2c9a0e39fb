import { discoveryContext } from '../core/discovery-context.ts'
import { defaultDbPath } from '../core/default-paths.ts'
import { Engine } from '../core/engine.ts'
import type { CommonFlags } from './options.ts'
import { progressReporter } from './progress.ts'
import { demoHome } from './demo.ts'

/** Opens the engine for a CLI run and brings the ledger up to date with the sources. */
export function openEngine(flags: CommonFlags, timezone: string, options: { ingest?: boolean } = {}): Engine {
  const home = flags.demo ? demoHome() : flags.home
  const dbPath = flags.db ?? (flags.demo ? ':memory:' : defaultDbPath())
  const engine = new Engine({ dbPath, discovery: discoveryContext({ home }), timezone })
  // The ledger's settings may name a zone (Preferences → Display); an explicit --tz wins for this run.
  if (flags.tz !== undefined) engine.setTimezone(timezone)
  if (options.ingest ?? true) {
    const summary = engine.ingest({ onProgress: progressReporter() })
    for (const e of summary.errors) process.stderr.write(`warning: could not read ${e.path}: ${e.error}\n`)
  }
  return engine
}
