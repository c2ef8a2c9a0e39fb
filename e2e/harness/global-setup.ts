import { buildRenderer } from './build-renderer.ts'

/** Builds the renderer once per e2e run, so every test serves the same production bundle. */
export async function setup(): Promise<void> {
  await buildRenderer()
}
