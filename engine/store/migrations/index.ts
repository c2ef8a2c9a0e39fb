import { sql as init } from './0001-init.ts'
import { sql as pricing } from './0002-pricing.ts'
import { sql as cumulative } from './0003-cumulative.ts'
import { sql as alerts } from './0004-alerts.ts'
import { sql as sessionVendorCost } from './0005-session-vendor-cost.ts'

/**
 * Numbered migrations, applied in order; the ledger's `PRAGMA user_version` is the number of the last
 * one applied. Migrations are TypeScript string modules (not .sql files) so they load the same way in
 * the plain-Node CLI, the utility process and inside an asar.
 * Never edit a released migration: add a new one.
 */
export const MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'pricing', sql: pricing },
  { version: 3, name: 'cumulative', sql: cumulative },
  { version: 4, name: 'alerts', sql: alerts },
  { version: 5, name: 'session-vendor-cost', sql: sessionVendorCost },
]

export const SCHEMA_VERSION = MIGRATIONS.length
