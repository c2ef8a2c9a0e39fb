import { resolve } from 'node:path'
import { build } from 'vite'
import appConfig from '../../electron.vite.config.ts'

/** Where the built popover lands: the same folder the packaged app loads it from. */
export const RENDERER_OUT_DIR = resolve(import.meta.dirname, '../../out/renderer')

/**
 * Builds only the renderer with the app's own electron-vite renderer settings (root, base, inputs,
 * plugins). `electron-vite build` would also build main and preload, which the browser tests do not
 * need and which may not compile while other parts of the app are in progress.
 */
export async function buildRenderer(): Promise<string> {
  const renderer = 'renderer' in appConfig ? appConfig.renderer : undefined
  if (renderer === undefined) throw new Error('electron.vite.config.ts has no renderer section')
  const { build: buildOptions, ...rest } = renderer
  await build({
    ...rest,
    configFile: false,
    logLevel: 'warn',
    build: { ...buildOptions, outDir: RENDERER_OUT_DIR, emptyOutDir: true },
  })
  return RENDERER_OUT_DIR
}

if (import.meta.main) {
  await buildRenderer()
  console.log(`renderer built into ${RENDERER_OUT_DIR}`)
}
