import { InputError } from './input-error.ts'

/** The field-level issues `run` rejects its input with; fails the test when it throws anything else or nothing. */
export function fieldsOf(run: () => unknown): Array<{ field: string; message: string }> {
  try {
    run()
  } catch (err) {
    if (err instanceof InputError) return [...err.issues]
    throw err
  }
  throw new Error('expected an InputError')
}
