import type { JsonlAdapter, SourceFileRef } from '../../common/adapter-contract.ts'
import { PARSER_VERSION } from './assistant-line.ts'
import { parseLines, type ClaudeState } from './parse.ts'
import { roots } from './paths.ts'
import { isSourceFile } from './source-path.ts'

/** Claude Code: `<config>/projects/**\/*.jsonl` transcripts, one usage event per assistant line copy. */
export const claudeCodeAdapter = {
  kind: 'jsonl',
  provider: 'claude',
  parserVersion: PARSER_VERSION,
  roots,
  isSourceFile,
  initialState: (_file: SourceFileRef): ClaudeState => null,
  parseLines,
} satisfies JsonlAdapter<ClaudeState>

export { PARSER_VERSION }
