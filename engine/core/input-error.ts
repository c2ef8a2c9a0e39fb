import type { z } from 'zod'
import { describeIssues, fieldIssues, type FieldIssue } from '../../common/field-issues.ts'

/**
 * A rejected user input (settings, plans, overrides…). Crosses to the UI as an `invalid-params` error
 * whose `fields` put each message next to its field; `message` is the one-line form for the CLI.
 */
export class InputError extends Error {
  readonly issues: readonly FieldIssue[]
  constructor(issues: readonly FieldIssue[]) {
    super(describeIssues(issues))
    this.name = 'InputError'
    this.issues = issues
  }

  /** Zod's issues under a field prefix (`budgets` + `2.amountUsd` → `budgets.2.amountUsd`). */
  static fromZod(error: z.ZodError, prefix?: string): InputError {
    const issues = fieldIssues(error)
    return new InputError(prefix === undefined ? issues : issues.map((i) => ({ field: i.field === '(input)' ? prefix : `${prefix}.${i.field}`, message: i.message })))
  }
}
