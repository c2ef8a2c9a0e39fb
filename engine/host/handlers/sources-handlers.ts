import type { Handlers } from './handler-types.ts'

const todo = (): never => {
  throw new Error('not implemented yet')
}

/** Rebuild and Cursor import from the preferences window. (Being built.) */
export const sourcesHandlers: Handlers<'ledger.rebuild' | 'sources.importCursor'> = {
  'ledger.rebuild': todo,
  'sources.importCursor': todo,
}
