import type { Handlers } from './handler-types.ts'

const todo = (): never => {
  throw new Error('not implemented yet')
}

/** Report export from the popover. (Being built.) */
export const exportHandlers: Handlers<'export.render'> = {
  'export.render': todo,
}
