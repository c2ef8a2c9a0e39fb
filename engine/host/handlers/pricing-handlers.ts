import type { CataloguePlanView, ModelSeenView } from '../../../common/methods/pricing-methods.ts'
import { modelUsage } from '../../pricing/models-seen.ts'
import { lookupPrice, overrideView, registryVersion } from '../../pricing/override-views.ts'
import { PLAN_CATALOGUE } from '../../pricing/plan-catalogue.ts'
import { addOverride, addPlan, addRule, listOverrides, listPlans, listRules, removeOverride, removePlan, removeRule } from '../../pricing/pricing-repo.ts'
import { moveRule } from '../../pricing/rule-order.ts'
import { republish, type HandlerContext, type Handlers } from './handler-types.ts'

type PricingMethod = 'pricing.catalogue' | 'plans.list' | 'plans.add' | 'plans.remove' | 'rules.add' | 'rules.remove' | 'rules.move' | 'overrides.list' | 'overrides.add' | 'overrides.remove' | 'pricing.lookup' | 'models.seen'

/** After an edit: re-price from the rollups with the new inputs, and push a fresh snapshot to every view. */
function changed(ctx: HandlerContext): void {
  ctx.engine.reloadPricing()
  republish(ctx)
}

/** Runs a removal and republishes only when something was removed. */
function removal(ctx: HandlerContext, removed: boolean): { removed: boolean } {
  if (removed) changed(ctx)
  return { removed }
}

/**
 * Plans, attribution rules and price overrides from the preferences window. The validating repository
 * (pricing-repo.ts) rejects bad input with field messages before anything is stored.
 */
export const pricingHandlers: Handlers<PricingMethod> = {
  'pricing.catalogue': () => ({ plans: PLAN_CATALOGUE.map(catalogueView), registryVersion: registryVersion() }),
  'plans.list': ({ engine }) => ({ plans: listPlans(engine.db), rules: listRules(engine.db) }),
  'plans.add': (ctx, params) => {
    const plan = addPlan(ctx.engine.db, params, ctx.engine.now())
    changed(ctx)
    return plan
  },
  // The plan's rules go with it (ON DELETE CASCADE).
  'plans.remove': (ctx, { id }) => removal(ctx, removePlan(ctx.engine.db, id)),
  'rules.add': (ctx, params) => {
    const rule = addRule(ctx.engine.db, params, ctx.engine.now())
    changed(ctx)
    return rule
  },
  'rules.remove': (ctx, { id }) => removal(ctx, removeRule(ctx.engine.db, id)),
  'rules.move': (ctx, { id, direction }) => {
    const rules = moveRule(ctx.engine.db, id, direction)
    changed(ctx)
    return { rules }
  },
  'overrides.list': ({ engine }) => listOverrides(engine.db).map((o) => overrideView(engine.db, o, engine.now())),
  'overrides.add': (ctx, params) => {
    const o = addOverride(ctx.engine.db, params, ctx.engine.now())
    changed(ctx)
    return overrideView(ctx.engine.db, o, ctx.engine.now())
  },
  'overrides.remove': (ctx, { id }) => removal(ctx, removeOverride(ctx.engine.db, id)),
  'pricing.lookup': ({ engine }, { provider, model, at }) => lookupPrice(engine.db, provider, model, at, engine.now()),
  'models.seen': ({ engine }) => {
    const { pricer } = engine.reportContext()
    return modelUsage(engine.db).map((m): ModelSeenView => ({ provider: m.provider, model: m.modelRaw, events: m.requests, priced: pricer.resolve(m.provider, m.modelRaw).priced }))
  },
}

function catalogueView(p: (typeof PLAN_CATALOGUE)[number]): CataloguePlanView {
  return { ...p, providers: [...p.providers] }
}
