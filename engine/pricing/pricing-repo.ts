import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { AttributionRule, UserPlan } from './economics-types.ts'
export { listOverrides, listPlans, listRules } from './pricing-read.ts'
import { PLAN_CATALOGUE } from './plan-catalogue.ts'
import { createPricer } from './pricer.ts'
import type { PriceOverride } from './pricer-types.ts'
import { overrideInputSchema, parseOrThrow, planInputSchema, PricingInputError, ruleInputSchema } from './pricing-schemas.ts'

/**
 * Small CRUD over the 0002-pricing tables. Every add validates its input (zod) and throws a
 * PricingInputError naming the fields at fault; nothing half-valid reaches the database.
 */
type Db = Database.Database

// Registry-only pricer used to check that an override names a model we know.
let registryPricer: ReturnType<typeof createPricer> | null = null

export function addOverride(db: Db, input: unknown, now: number = Date.now()): PriceOverride {
  const v = parseOrThrow(overrideInputSchema, input)
  registryPricer ??= createPricer([])
  const known = registryPricer.resolve(v.provider ?? 'opencode', v.model).priced
  if (!known && (v.prices.input === undefined || v.prices.output === undefined)) {
    throw new PricingInputError([
      {
        field: 'model',
        message: `unknown model "${v.model}" (not in price registry ${registryPricer.registryVersion}); to price a model the registry lacks, give at least prices.input and prices.output`,
      },
    ])
  }
  const o: PriceOverride = { id: randomUUID(), provider: v.provider, model: v.model, prices: v.prices, effectiveFrom: v.effectiveFrom, effectiveUntil: v.effectiveUntil }
  db.prepare(
    `INSERT INTO price_overrides (id, provider, model, input, output, cache_read, cache_write_5m, cache_write_1h, effective_from, effective_until, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(o.id, o.provider, o.model, v.prices.input ?? null, v.prices.output ?? null, v.prices.cacheRead ?? null, v.prices.cacheWrite5m ?? null, v.prices.cacheWrite1h ?? null, o.effectiveFrom, o.effectiveUntil, now)
  return o
}

export function removeOverride(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM price_overrides WHERE id = ?').run(id).changes > 0
}

/** Adds a plan; name, provider and fee default from the catalogue entry when `catalogueId` is given. */
export function addPlan(db: Db, input: unknown, now: number = Date.now()): UserPlan {
  const v = parseOrThrow(planInputSchema, input)
  const c = v.catalogueId === null ? undefined : PLAN_CATALOGUE.find((x) => x.id === v.catalogueId)
  if (v.catalogueId !== null && c === undefined) {
    throw new PricingInputError([{ field: 'catalogueId', message: `unknown plan "${v.catalogueId}" (known: ${PLAN_CATALOGUE.map((x) => x.id).join(', ')})` }])
  }
  const issues: { field: string; message: string }[] = []
  const provider = v.provider ?? (c?.providers.length === 1 ? c.providers[0] : undefined)
  if (provider === undefined) issues.push({ field: 'provider', message: c === undefined ? 'required for a custom plan' : `plan ${c.id} covers ${c.providers.join(', ')}: say which` })
  const fee = v.feeUsd ?? (c === undefined ? undefined : v.billing === 'annual' ? c.annualUsd : c.monthlyUsd) ?? undefined
  if (fee === undefined) issues.push({ field: 'feeUsd', message: c === undefined ? 'required for a custom plan' : `plan ${c.id} has no known ${v.billing} price: give the fee you pay` })
  const name = v.name ?? c?.name
  if (name === undefined) issues.push({ field: 'name', message: 'required for a custom plan' })
  if (issues.length > 0 || provider === undefined || fee === undefined || name === undefined) throw new PricingInputError(issues)
  const plan: UserPlan = { id: randomUUID(), name, catalogueId: v.catalogueId, provider, account: v.account, billing: v.billing, feeUsd: fee, startDate: v.startDate, endDate: v.endDate }
  db.prepare(
    `INSERT INTO user_plans (id, name, catalogue_id, provider, account, billing, fee_usd, start_date, end_date, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(plan.id, plan.name, plan.catalogueId, plan.provider, plan.account, plan.billing, plan.feeUsd, plan.startDate, plan.endDate, now)
  return plan
}

/** Removes a plan and the rules that name it (ON DELETE CASCADE). */
export function removePlan(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM user_plans WHERE id = ?').run(id).changes > 0
}

/** Appends a rule after the existing ones. */
export function addRule(db: Db, input: unknown, now: number = Date.now()): AttributionRule {
  const v = parseOrThrow(ruleInputSchema, input)
  if (v.planId !== null && db.prepare('SELECT 1 FROM user_plans WHERE id = ?').get(v.planId) === undefined) {
    throw new PricingInputError([{ field: 'planId', message: `no plan with id "${v.planId}"` }])
  }
  const rule: AttributionRule = { id: randomUUID(), ...v }
  const next = db.prepare<[], { p: number }>('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM attribution_rules').get()!.p
  db.prepare(
    `INSERT INTO attribution_rules (id, position, provider, account, project, date_from, date_until, billing, plan_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(rule.id, next, rule.provider, rule.account, rule.project, rule.from, rule.until, rule.billing, rule.planId, now)
  return rule
}

export function removeRule(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM attribution_rules WHERE id = ?').run(id).changes > 0
}
