import { LedgerError } from '../store/ledger-error.ts'
import { UsageError } from './options.ts'

/**
 * Wraps a command action so that expected failures print one clear line and set an exit code instead
 * of a stack trace: 2 for a wrong flag or value, 3 for a ledger problem (locked, damaged, too new).
 */
export function guarded<A extends unknown[]>(fn: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args)
    } catch (err) {
      if (err instanceof UsageError) {
        process.stderr.write(`tokenledger: ${err.message}\n`)
        process.exitCode = 2
      } else if (err instanceof LedgerError) {
        process.stderr.write(`tokenledger: ${err.message}\n`)
        process.exitCode = 3
      } else {
        throw err
      }
    }
  }
}
