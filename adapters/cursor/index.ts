import type { WholeFileAdapter } from '../../common/adapter-contract.ts'
import { CURSOR_PARSER_VERSION, parseCursorCsv, type CursorCsvState } from './parse.ts'
import { cursorRoots, isCursorSourceFile } from './paths.ts'

export type { CursorCsvState, CursorExportRead } from './parse.ts'
export { readCursorExport, CURSOR_EXPORT_SESSION } from './parse.ts'
export { cursorImportRoot, cursorStatePaths } from './paths.ts'
export { readCursorActivity, type CursorActivity } from './vscdb-activity.ts'

/**
 * Cursor's dashboard usage exports (CSV), kept in TokenLedger's watched import folder. Cursor has no
 * authoritative local token log: these rows are account-wide (every machine), as of each export's date,
 * and each row is an aggregate. The local `state.vscdb` is activity only: see `readCursorActivity`.
 */
export const cursorCsvAdapter = {
  kind: 'whole-file',
  provider: 'cursor',
  parserVersion: CURSOR_PARSER_VERSION,
  roots: cursorRoots,
  isSourceFile: isCursorSourceFile,
  initialState: (): CursorCsvState => null,
  parseFile: parseCursorCsv,
} as const satisfies WholeFileAdapter<CursorCsvState>
