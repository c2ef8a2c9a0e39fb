import { createPricer, type Pricer } from '../pricing/index.ts'
import type { Db } from '../store/open-ledger.ts'

/** Builds the pricer from the bundled registry plus the user's overrides stored in the ledger. */
export function loadPricer(_db: Db): Pricer {
  return createPricer([])
}
