import { resolve } from 'node:path'
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'

/**
 * Bundles the CLI into one ESM file (`out/cli/tokenledger.js`). Running the TypeScript sources directly
 * works, but a warm `tokenledger daily` then spends most of its time resolving and type-stripping ~90
 * modules; one pre-built file starts several times faster. Runtime packages stay external.
 */
const runtimePackages = ['better-sqlite3', 'chokidar', 'commander', 'zod', '@date-fns/tz', 'date-fns', 'csv-parse', 'csv-stringify']
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
/** Node built-ins and runtime packages, including their subpaths (`csv-stringify/sync`). */
const external = (id: string): boolean => builtins.has(id) || runtimePackages.some((p) => id === p || id.startsWith(`${p}/`))

export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'engine/cli/main.ts'),
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node24',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external,
      output: { format: 'es', entryFileNames: 'tokenledger.js' },
    },
  },
  ssr: { noExternal: true },
})
