import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, dirname, sep } from 'node:path'

/**
 * The process and layer boundaries of the codebase, as rules over import specifiers. Data flows
 * files → adapters → engine → snapshot → main → renderer; each layer may only reach what this allows.
 */
export interface Violation {
  readonly file: string
  readonly specifier: string
  readonly rule: string
}

type Layer = 'common' | 'adapters' | 'engine' | 'main' | 'preload' | 'renderer'
const LAYERS: readonly Layer[] = ['common', 'adapters', 'engine', 'main', 'preload', 'renderer']

/** Which top-level folders a layer may import from (by relative path). */
const ALLOWED_FOLDERS: Record<Layer, readonly string[]> = {
  common: ['common'],
  adapters: ['common', 'adapters'],
  engine: ['common', 'adapters', 'engine'],
  main: ['common', 'main'],
  preload: ['common', 'preload'],
  renderer: ['common', 'renderer'],
}

/** Which packages a layer may import. `node:` builtins are a separate switch. */
const ALLOWED_PACKAGES: Record<Layer, { readonly packages: readonly string[]; readonly nodeBuiltins: boolean }> = {
  common: { packages: ['zod'], nodeBuiltins: false },
  adapters: { packages: [], nodeBuiltins: true },
  engine: { packages: ['better-sqlite3', 'chokidar', 'commander', 'zod', '@date-fns/tz', 'date-fns', 'csv-parse', 'csv-stringify'], nodeBuiltins: true },
  main: { packages: ['electron', 'menubar', 'zod'], nodeBuiltins: true },
  preload: { packages: ['electron'], nodeBuiltins: false },
  renderer: { packages: ['react', 'react-dom', 'zustand', 'recharts'], nodeBuiltins: false },
}

const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm

export function importSpecifiers(source: string): string[] {
  const out: string[] = []
  for (const m of source.matchAll(IMPORT_RE)) out.push((m[1] ?? m[2])!)
  return out
}

/** Checks one file's imports against its layer's rules. `file` is relative to the repository root. */
export function checkFile(file: string, source: string): Violation[] {
  const layer = file.split('/')[0] as Layer
  // Tests and their helpers (`*.test.ts`, `test-*.ts`) may reach across layers to set up real fixtures.
  if (!LAYERS.includes(layer) || /\.test\.tsx?$/.test(file) || /(^|\/)test-[^/]+\.tsx?$/.test(file)) return []
  const violations: Violation[] = []
  for (const spec of importSpecifiers(source)) {
    if (spec.startsWith('.')) {
      // main may point at the engine entry ONLY as a separate chunk path, never import its code.
      if (layer === 'main' && spec.endsWith('?modulePath') && /engine\/entry-utility\.ts\?modulePath$/.test(spec)) continue
      const target = relative('.', resolve(dirname(file), spec)).split(sep).join('/')
      const folder = target.split('/')[0]!
      if (!ALLOWED_FOLDERS[layer].includes(folder)) violations.push({ file, specifier: spec, rule: `${layer} must not import from ${folder}/` })
      continue
    }
    const isBuiltin = spec.startsWith('node:')
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
    const rules = ALLOWED_PACKAGES[layer]
    if (isBuiltin ? !rules.nodeBuiltins : !rules.packages.includes(pkg)) {
      violations.push({ file, specifier: spec, rule: `${layer} must not import ${isBuiltin ? 'Node built-ins' : `"${pkg}"`}` })
    }
  }
  return violations
}

/** Every violation in the repository's layer folders. */
export function checkRepository(root: string): Violation[] {
  const out: Violation[] = []
  for (const layer of LAYERS) {
    let entries
    try {
      entries = readdirSync(join(root, layer), { recursive: true, withFileTypes: true })
    } catch {
      continue
    }
    for (const e of entries) {
      if (!e.isFile() || !/\.(ts|tsx)$/.test(e.name)) continue
      const abs = join(e.parentPath, e.name)
      const rel = relative(root, abs).split(sep).join('/')
      out.push(...checkFile(rel, readFileSync(abs, 'utf8')))
    }
  }
  return out
}
