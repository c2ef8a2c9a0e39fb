import type Database from 'better-sqlite3'
import type { ProviderId } from '../../common/providers.ts'
import type { AttributionRule, UserPlan } from './economics-types.ts'
import type { PriceOverride } from './pricer-types.ts'

/**
 * Reading the user's pricing data (overrides, plans, rules). Kept apart from the validating writers in
 * pricing-repo.ts so that every report — which only reads — starts without loading the schema library.
 */
type Db = Database.Database

interface OverrideRow {
  id: string
  provider: ProviderId | null
  model: string
  input: number | null
  output: number | null
  cache_read: number | null
  cache_write_5m: number | null
  cache_write_1h: number | null
  effective_from: string | null
  effective_until: string | null
}

function toOverride(r: OverrideRow): PriceOverride {
  const prices: PriceOverride['prices'] = {}
  if (r.input !== null) prices.input = r.input
  if (r.output !== null) prices.output = r.output
  if (r.cache_read !== null) prices.cacheRead = r.cache_read
  if (r.cache_write_5m !== null) prices.cacheWrite5m = r.cache_write_5m
  if (r.cache_write_1h !== null) prices.cacheWrite1h = r.cache_write_1h
  return { id: r.id, provider: r.provider, model: r.model, prices, effectiveFrom: r.effective_from, effectiveUntil: r.effective_until }
}

/** Oldest first: the pricer lets a later override win over an earlier one for the same model. */
export function listOverrides(db: Db): PriceOverride[] {
  return db.prepare<[], OverrideRow>('SELECT * FROM price_overrides ORDER BY created_at, rowid').all().map(toOverride)
}

interface PlanRow {
  id: string
  name: string
  catalogue_id: string | null
  provider: ProviderId
  account: string | null
  billing: 'monthly' | 'annual'
  fee_usd: number
  start_date: string
  end_date: string | null
}

export function listPlans(db: Db): UserPlan[] {
  return db
    .prepare<[], PlanRow>('SELECT * FROM user_plans ORDER BY start_date, rowid')
    .all()
    .map((r) => ({ id: r.id, name: r.name, catalogueId: r.catalogue_id, provider: r.provider, account: r.account, billing: r.billing, feeUsd: r.fee_usd, startDate: r.start_date, endDate: r.end_date }))
}

interface RuleRow {
  id: string
  provider: ProviderId | null
  account: string | null
  project: string | null
  date_from: string | null
  date_until: string | null
  billing: 'plan' | 'api'
  plan_id: string | null
}

/** In application order (first match wins). */
export function listRules(db: Db): AttributionRule[] {
  return db
    .prepare<[], RuleRow>('SELECT * FROM attribution_rules ORDER BY position, rowid')
    .all()
    .map((r) => ({ id: r.id, provider: r.provider, account: r.account, project: r.project, from: r.date_from, until: r.date_until, billing: r.billing, planId: r.plan_id }))
}
