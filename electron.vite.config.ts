import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const r = (p: string): string => resolve(import.meta.dirname, p)

export default defineConfig({
  main: {
    // The engine's utility-process entry is emitted as its own chunk through `?modulePath` in main.
    build: { rollupOptions: { input: { index: r('main/index.ts') } } },
  },
  preload: {
    // Sandboxed preloads must be CommonJS even though the package is ESM.
    build: {
      rollupOptions: {
        input: { index: r('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: r('renderer'),
    base: './',
    build: {
      outDir: r('out/renderer'),
      // electron-vite leaves the renderer unminified by default; the popover's open time is mostly
      // parsing its JS, and the e2e harness and the bench build it with Vite's defaults (minified).
      minify: true,
      rollupOptions: { input: { index: r('renderer/index.html'), preferences: r('renderer/preferences.html') } },
    },
    plugins: [react()],
  },
})
