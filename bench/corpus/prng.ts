/** The seeded PRNG shared with the demo home and the browser tests' fixture home. */
export { createRng, deriveSeed, type Rng } from '../../engine/demo/rng.ts'
