import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts'
import { openLedger } from './open-ledger.ts'

function schemaOf(db: Database.Database): string {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").all() as { sql: string }[]
  return rows.map((r) => r.sql.replace(/\s+/g, ' ').trim() + ';').join('\n') + '\n'
}

describe('ledger schema', () => {
  it('matches the committed schema snapshot (a schema change needs a new migration)', async () => {
    const db = openLedger(':memory:')
    expect(Number(db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION)
    await expect(schemaOf(db)).toMatchFileSnapshot(join(import.meta.dirname, 'schema.snapshot.sql'))
  })

  it.each(MIGRATIONS.map((m) => m.version).filter((v) => v < SCHEMA_VERSION))('a ledger at version %i migrates to the same schema as a new one', (from) => {
    const path = `/tmp/tl-migrate-${process.pid}-${from}-${Date.now()}.sqlite`
    const old = new Database(path)
    for (const m of MIGRATIONS.filter((x) => x.version <= from)) old.exec(m.sql)
    old.pragma(`user_version = ${from}`)
    old.close()
    const migrated = openLedger(path)
    expect(Number(migrated.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION)
    expect(schemaOf(migrated)).toBe(schemaOf(openLedger(':memory:')))
  })
})
