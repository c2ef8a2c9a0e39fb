import type { z } from 'zod'
import { fieldIssues, type FieldIssue } from '../../common/field-issues.ts'
import { InputError } from '../core/input-error.ts'
export { overrideInputSchema, planInputSchema, ruleInputSchema } from '../../common/pricing-inputs.ts'
export type { OverrideInput, PlanInput, RuleInput } from '../../common/pricing-inputs.ts'
export type { FieldIssue }

/** A rejected pricing input (plan, override, rule); see InputError. */
export class PricingInputError extends InputError {
  constructor(issues: readonly FieldIssue[]) {
    super(issues)
    this.name = 'PricingInputError'
  }
}

/** Parses or throws a PricingInputError naming each offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  throw new PricingInputError(fieldIssues(r.error))
}
