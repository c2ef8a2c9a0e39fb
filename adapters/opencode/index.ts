import type { DatabaseAdapter, SourceFileRef, WholeFileAdapter } from '../../common/adapter-contract.ts'
import { readOpencodeDatabase } from './db-read.ts'
import { initialDbState, type OpencodeDbState } from './db-state.ts'
import { OPENCODE_PARSER_VERSION } from './events.ts'
import { parseLegacyMessage } from './legacy-parse.ts'
import { opencodeDbRoots, opencodeLegacyRoots } from './paths.ts'

export type { OpencodeDbState } from './db-state.ts'

/**
 * A database file directly in a root: `opencode.db`, `opencode-<channel>.db`, or the file `OPENCODE_DB`
 * names (any `*.db`; a database without OpenCode's tables is a counted `not-opencode-db` skip). Never a
 * sidecar (`-wal`, `-shm`), never `auth.json` (provider credentials) or anything under `storage/`.
 */
const DATABASE = /^[^/]+\.db$/
/** `<sessionID>/<messageID>.json` under `storage/message/`. */
const LEGACY_MESSAGE = /^[^/]+\/[^/]+\.json$/

/** OpenCode's SQLite store: one event per `step-finish` part, read past a rowid cursor, WAL included. */
export const opencodeAdapter = {
  kind: 'database',
  provider: 'opencode',
  parserVersion: OPENCODE_PARSER_VERSION,
  sidecarSuffixes: ['-wal', '-shm'],
  roots: opencodeDbRoots,
  isSourceFile: (relPath: string) => DATABASE.test(relPath),
  initialState: (_file: SourceFileRef): OpencodeDbState => initialDbState(),
  readDatabase: readOpencodeDatabase,
} as const satisfies DatabaseAdapter<OpencodeDbState>

/** OpenCode's legacy JSON store (before 1.2): message files, yielding to the DB's copies of them. */
export const opencodeLegacyAdapter = {
  kind: 'whole-file',
  provider: 'opencode',
  parserVersion: OPENCODE_PARSER_VERSION,
  roots: opencodeLegacyRoots,
  isSourceFile: (relPath: string) => LEGACY_MESSAGE.test(relPath),
  initialState: (_file: SourceFileRef): null => null,
  parseFile: (bytes: Uint8Array, file: SourceFileRef) => parseLegacyMessage(bytes, file),
} as const satisfies WholeFileAdapter<null>
