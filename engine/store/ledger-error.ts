import type { ErrorCode } from '../../common/engine-methods.ts'

/** A ledger failure the user can act on: it carries a wire error code and a message with the way out. */
export class LedgerError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'LedgerError'
    this.code = code
  }
}

/** Maps SQLite's error codes to messages that say what to do. */
export function classifySqliteError(err: unknown, dbPath: string): LedgerError {
  const code = typeof err === 'object' && err !== null ? String((err as { code?: unknown }).code ?? '') : ''
  const detail = err instanceof Error ? err.message : String(err)
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new LedgerError(
      'database-locked',
      `The ledger ${dbPath} is locked by another process (${detail}). Close the other TokenLedger instance or CLI run and try again.`,
    )
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new LedgerError(
      'database-corrupt',
      `The ledger ${dbPath} is damaged (${detail}). Move it aside and run \`tokenledger rebuild\` to re-read every source that still exists.`,
    )
  }
  return new LedgerError('internal', `Ledger error on ${dbPath}: ${detail}`)
}
