import type { JsonlAdapter, WholeFileAdapter } from '../../common/adapter-contract.ts'
import { GEMINI_PARSER_VERSION } from './message.ts'
import { parseGeminiLines } from './parse-jsonl.ts'
import { parseGeminiLegacyFile } from './parse-legacy.ts'
import { geminiRoots } from './paths.ts'
import { isJsonlRecording, isLegacyRecording } from './source-files.ts'
import { initialGeminiJsonlState, type GeminiJsonlState } from './state.ts'

export type { GeminiJsonlState } from './state.ts'

/**
 * Gemini CLI, current recordings: `<home>/.gemini/tmp/<project>/chats/session-*.jsonl` and sub-agents'
 * `chats/<parentSessionId>/<sessionId>.jsonl`, appended line by line.
 */
export const geminiAdapter = {
  kind: 'jsonl',
  provider: 'gemini',
  parserVersion: GEMINI_PARSER_VERSION,
  roots: geminiRoots,
  isSourceFile: isJsonlRecording,
  initialState: initialGeminiJsonlState,
  parseLines: parseGeminiLines,
} as const satisfies JsonlAdapter<GeminiJsonlState>

/**
 * Gemini CLI, legacy recordings (before the JSONL switch of 2026-04-09): the same names with `.json`,
 * rewritten whole. Shares roots and dedupe keys with `geminiAdapter`, so a resumed legacy session (its
 * `.json` left in place beside a `.jsonl` that starts with a copy of every message) counts once.
 */
export const geminiLegacyAdapter = {
  kind: 'whole-file',
  provider: 'gemini',
  parserVersion: GEMINI_PARSER_VERSION,
  roots: geminiRoots,
  isSourceFile: isLegacyRecording,
  initialState: () => null,
  parseFile: (bytes, file) => parseGeminiLegacyFile(bytes, file),
} as const satisfies WholeFileAdapter<null>
