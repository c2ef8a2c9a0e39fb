import { existsSync } from 'node:fs'
import { cursorImportRoot } from '../../../adapters/cursor/index.ts'
import type { SourcesResults } from '../../../common/methods/sources-methods.ts'
import type { Engine } from '../../core/engine.ts'
import { InputError } from '../../core/input-error.ts'
import { CursorImportError, importCursorFile } from '../../ingest/cursor-import.ts'
import { republish, type Handlers } from './handler-types.ts'

/** Rebuild and Cursor import from the preferences window; both end with a fresh snapshot for every view. */
export const sourcesHandlers: Handlers<'ledger.rebuild' | 'sources.importCursor'> = {
  'ledger.rebuild': (ctx) => {
    const summary = ctx.engine.rebuild()
    republish(ctx)
    return {
      files: summary.files,
      newEvents: summary.newEvents,
      totalEvents: totalEvents(ctx.engine),
      errors: summary.errors.map((e) => `${e.path}: ${e.error ?? 'unreadable'}`),
    } satisfies SourcesResults['ledger.rebuild']
  },
  'sources.importCursor': async (ctx, { path }) => {
    const { engine, live } = ctx
    const folderExisted = existsSync(cursorImportRoot(engine.discoveryContext).dir)
    let result
    try {
      result = importCursorFile(path, { ctx: engine.discoveryContext, writer: engine.writer, now: engine.now })
    } catch (err) {
      // Not an export, unreadable, cannot be kept: the message goes next to the import button.
      if (err instanceof CursorImportError) throw new InputError([{ field: 'path', message: err.message }])
      throw err
    }
    if (!folderExisted) {
      // The first import created the import folder: discover it (sources show it found) and watch it.
      engine.ingest()
      if (live !== null) await live.applySettings({ sourcesChanged: true })
    }
    republish(ctx)
    return result
  },
}

function totalEvents(engine: Engine): number {
  return engine.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()?.n ?? 0
}
