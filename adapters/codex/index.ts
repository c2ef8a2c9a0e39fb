import type { JsonlAdapter } from '../../common/adapter-contract.ts'
import { parseCodexLines } from './parse.ts'
import { codexRoots } from './paths.ts'
import { selectCodexFiles } from './select-files.ts'
import { initialCodexState, type CodexState } from './state.ts'
import { CODEX_PARSER_VERSION } from './token-count.ts'

export type { CodexState } from './state.ts'

/** Rollout files, plain or zstd-compressed, at any depth (`sessions/` is dated, `archived_sessions/` flat). */
const ROLLOUT = /(?:^|\/)rollout-[^/]*\.jsonl(?:\.zst)?$/

/** Codex CLI: `$CODEX_HOME/{sessions,archived_sessions}/…/rollout-*.jsonl[.zst]`. */
export const codexAdapter = {
  kind: 'jsonl',
  provider: 'codex',
  parserVersion: CODEX_PARSER_VERSION,
  roots: codexRoots,
  isSourceFile: (relPath: string) => ROLLOUT.test(relPath),
  selectFiles: selectCodexFiles,
  initialState: initialCodexState,
  parseLines: parseCodexLines,
  compressedSuffix: '.zst',
} as const satisfies JsonlAdapter<CodexState>
