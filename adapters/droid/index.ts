import type { WholeFileAdapter } from '../../common/adapter-contract.ts'
import { DROID_PARSER_VERSION, parseDroidFile, type DroidState } from './parse.ts'
import { droidRoots } from './paths.ts'
import { isDroidSourceFile } from './source-path.ts'

export type { DroidState } from './parse.ts'

/**
 * Factory Droid: `~/.factory/sessions/**\/<uuid>.settings.json`, one cumulative token total per session,
 * rewritten in place. Droid logs no requests: each event is a session's increase since its last seen
 * total, so what the ledger counts as "requests" for Droid are session updates.
 */
export const droidAdapter = {
  kind: 'whole-file',
  provider: 'droid',
  parserVersion: DROID_PARSER_VERSION,
  roots: droidRoots,
  isSourceFile: isDroidSourceFile,
  initialState: (): DroidState => null,
  parseFile: parseDroidFile,
} as const satisfies WholeFileAdapter<DroidState>
