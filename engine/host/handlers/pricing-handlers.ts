import type { Handlers } from './handler-types.ts'

type PricingMethod = 'pricing.catalogue' | 'plans.list' | 'plans.add' | 'plans.remove' | 'rules.add' | 'rules.remove' | 'rules.move' | 'overrides.list' | 'overrides.add' | 'overrides.remove' | 'pricing.lookup' | 'models.seen'

const todo = (): never => {
  throw new Error('not implemented yet')
}

/** Plans, rules and overrides from the preferences window. (Being built.) */
export const pricingHandlers: Handlers<PricingMethod> = {
  'pricing.catalogue': todo,
  'plans.list': todo,
  'plans.add': todo,
  'plans.remove': todo,
  'rules.add': todo,
  'rules.remove': todo,
  'rules.move': todo,
  'overrides.list': todo,
  'overrides.add': todo,
  'overrides.remove': todo,
  'pricing.lookup': todo,
  'models.seen': todo,
}
