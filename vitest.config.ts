import { defineConfig, type Plugin } from 'vitest/config'

/**
 * vitest does not know electron-vite's `?modulePath` imports; without this stub it would EXECUTE the
 * engine entry while testing main. Resolve such imports to the plain path string instead.
 */
const modulePathStub = (): Plugin => ({
  name: 'stub-module-path',
  enforce: 'pre',
  resolveId(id) {
    return id.endsWith('?modulePath') ? `\0modulePath:${id.replace(/\?modulePath$/, '')}` : null
  },
  load(id) {
    return id.startsWith('\0modulePath:') ? `export default ${JSON.stringify(id.slice('\0modulePath:'.length))}` : null
  },
})

export default defineConfig({
  plugins: [modulePathStub()],
  test: {
    environment: 'node',
    include: ['{common,engine,adapters,main,preload,renderer,scripts,bench}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    pool: 'forks',
  },
})
