import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts'
import { classifySqliteError, LedgerError } from './ledger-error.ts'
import { ensureRollupsCurrent } from './rollup-rebuild.ts'

export type Db = Database.Database

/**
 * Opens (creating if needed) the ledger, sets WAL mode, applies pending migrations in one transaction
 * and brings derived rollups up to date. Refuses to open a ledger written by a newer TokenLedger rather than guess at its schema.
 */
export function openLedger(dbPath: string, options: { readonly readonly?: boolean } = {}): Db {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true })
  let db: Db
  try {
    db = new Database(dbPath, { readonly: options.readonly ?? false, timeout: 5000 })
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
    }
    db.pragma('foreign_keys = ON')
    db.pragma('cache_size = -32768')
    // Touch the schema so a non-database file fails here, with a classified error.
    const version = Number(db.pragma('user_version', { simple: true }))
    if (version > SCHEMA_VERSION) {
      db.close()
      throw new LedgerError(
        'database-too-new',
        `The ledger ${dbPath} was written by a newer TokenLedger (schema ${version}, this build knows ${SCHEMA_VERSION}). Update TokenLedger, or point --db at another file.`,
      )
    }
    if (version < SCHEMA_VERSION && !options.readonly) migrate(db, version)
    // After migrations: a build that changes what rollups hold re-derives them from events, once.
    if (!options.readonly) ensureRollupsCurrent(db)
  } catch (err) {
    if (err instanceof LedgerError) throw err
    throw classifySqliteError(err, dbPath)
  }
  return db
}

function migrate(db: Db, from: number): void {
  const pending = MIGRATIONS.filter((m) => m.version > from)
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }
  }).immediate()
}
