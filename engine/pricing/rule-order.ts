import type { Db } from '../store/open-ledger.ts'
import type { AttributionRule } from './economics-types.ts'
import { listRules } from './pricing-read.ts'
import { PricingInputError } from './pricing-schemas.ts'

/**
 * Moves a rule one place earlier or later by swapping positions with its neighbour, in one transaction
 * (rules apply in order, first match wins). Moving the first rule up or the last down changes nothing.
 * Returns the rules in their new order.
 */
export function moveRule(db: Db, id: string, direction: 'up' | 'down'): AttributionRule[] {
  db.transaction(() => {
    const rows = db.prepare<[], { id: string; position: number }>('SELECT id, position FROM attribution_rules ORDER BY position, rowid').all()
    const i = rows.findIndex((r) => r.id === id)
    if (i < 0) throw new PricingInputError([{ field: 'id', message: `no rule with id "${id}"` }])
    const j = direction === 'up' ? i - 1 : i + 1
    if (j < 0 || j >= rows.length) return
    // Renumber in list order first: positions need not be distinct or dense after edits elsewhere.
    const order = rows.map((r) => r.id)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
    const set = db.prepare('UPDATE attribution_rules SET position = ? WHERE id = ?')
    order.forEach((rid, k) => set.run(k + 1, rid))
  })()
  return listRules(db)
}
