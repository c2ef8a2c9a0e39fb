import { z } from 'zod'
import { PROVIDER_IDS } from './providers.ts'

/**
 * Input schemas for the user's pricing data (overrides, plans, attribution rules), shared by the CLI,
 * the engine, main's IPC validation and the preferences window. Messages name the field at fault.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real calendar date')
const provider = z.enum(PROVIDER_IDS)
const price = z.number().finite().nonnegative('a price cannot be negative').max(100_000, 'more than $100,000 per million tokens: check the unit (USD per MTok)')
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max)

/** `end` (inclusive) must not be before `start`; reported on the end field. */
function endNotBeforeStart<T>(start: (v: T) => string | null | undefined, end: (v: T) => string | null | undefined, endField: string, startField: string) {
  return (v: T, ctx: z.RefinementCtx): void => {
    const s = start(v)
    const e = end(v)
    if (s != null && e != null && e < s) ctx.addIssue({ code: 'custom', path: [endField], message: `${e} is before ${startField} ${s}` })
  }
}

export const overrideInputSchema = z
  .object({
    provider: provider.nullable().default(null),
    model: text(200),
    prices: z
      .object({ input: price, output: price, cacheRead: price, cacheWrite5m: price, cacheWrite1h: price })
      .partial()
      .strict()
      .refine((p) => Object.values(p).some((v) => v !== undefined), 'give at least one price'),
    effectiveFrom: isoDate.nullable().default(null),
    effectiveUntil: isoDate.nullable().default(null),
  })
  .strict()
  .superRefine(endNotBeforeStart((v) => v.effectiveFrom, (v) => v.effectiveUntil, 'effectiveUntil', 'effectiveFrom'))
export type OverrideInput = z.input<typeof overrideInputSchema>

export const planInputSchema = z
  .object({
    name: text(100).optional(),
    catalogueId: z.string().min(1).nullable().default(null),
    provider: provider.optional(),
    account: text(4096).nullable().default(null),
    billing: z.enum(['monthly', 'annual']).default('monthly'),
    feeUsd: z.number().finite().nonnegative('a fee cannot be negative').optional(),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
  })
  .strict()
  .superRefine(endNotBeforeStart((v) => v.startDate, (v) => v.endDate, 'endDate', 'startDate'))
export type PlanInput = z.input<typeof planInputSchema>

export const ruleInputSchema = z
  .object({
    provider: provider.nullable().default(null),
    account: text(4096).nullable().default(null),
    project: text(4096).nullable().default(null),
    from: isoDate.nullable().default(null),
    until: isoDate.nullable().default(null),
    billing: z.enum(['plan', 'api']),
    planId: z.string().min(1).nullable().default(null),
  })
  .strict()
  .superRefine(endNotBeforeStart((v) => v.from, (v) => v.until, 'until', 'from'))
  .superRefine((v, ctx) => {
    if (v.billing === 'api' && v.planId !== null) ctx.addIssue({ code: 'custom', path: ['planId'], message: 'a rule billing per token cannot name a plan' })
  })
export type RuleInput = z.input<typeof ruleInputSchema>

