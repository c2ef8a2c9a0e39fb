import type { z } from 'zod'

/** One rejected input field, shown next to that field in the preferences window. */
export interface FieldIssue {
  /** Dotted path of the field (`prices.input`, `budgets.2.amountUsd`); `(input)` for the whole input. */
  readonly field: string
  readonly message: string
}

/** Zod's issues as field issues; an unknown key names itself as the field. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    field: i.path.length > 0 ? i.path.map(String).join('.') : i.code === 'unrecognized_keys' ? i.keys.join(', ') : '(input)',
    message: i.message,
  }))
}

/** `field: message; field: message` — the one-line form for logs and the CLI. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('; ')
}
