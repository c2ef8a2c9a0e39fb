export { createPricer } from './pricer.ts'
export type { Pricer, PriceOverride, Resolution, PriceDescription } from './pricer-types.ts'
