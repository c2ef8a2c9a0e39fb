import type { WholeFileAdapter } from '../../common/adapter-contract.ts'
import { AMP_PARSER_VERSION, parseAmpFile, type AmpState } from './parse.ts'
import { ampRoots, isAmpSourceFile } from './paths.ts'

export type { AmpState } from './parse.ts'

/** Amp: `$XDG_DATA_HOME/amp/threads/T-*.json` (default `~/.local/share/amp/threads`), threads rewritten whole. */
export const ampAdapter = {
  kind: 'whole-file',
  provider: 'amp',
  parserVersion: AMP_PARSER_VERSION,
  roots: ampRoots,
  isSourceFile: isAmpSourceFile,
  initialState: (): AmpState => null,
  parseFile: parseAmpFile,
} as const satisfies WholeFileAdapter<AmpState>
