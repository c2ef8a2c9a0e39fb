import { existsSync, readdirSync, type Dirent } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import type { AnyAdapter, DiscoveryContext, SourceFileRef, SourceRoot } from '../../common/adapter-contract.ts'

export interface DiscoveredRoot {
  readonly adapter: AnyAdapter
  readonly root: SourceRoot
  readonly exists: boolean
}

export interface Discovery {
  readonly roots: DiscoveredRoot[]
  readonly files: Array<{ readonly adapter: AnyAdapter; readonly file: SourceFileRef }>
}

/** Finds every source file of every adapter. Roots that do not exist are kept: the UI shows where we looked. */
export function discover(adapters: readonly AnyAdapter[], ctx: DiscoveryContext): Discovery {
  const roots: DiscoveredRoot[] = []
  const files: Discovery['files'] = []
  for (const adapter of adapters) {
    const candidates: Array<{ path: string; root: SourceRoot }> = []
    for (const root of dedupeRoots(adapter.roots(ctx))) {
      const exists = existsSync(root.dir)
      roots.push({ adapter, root, exists })
      if (exists) for (const path of listSourceFiles(adapter, root.dir, root.depth)) candidates.push({ path, root })
    }
    const chosen = adapter.selectFiles ? new Set(adapter.selectFiles(candidates.map((c) => c.path))) : null
    for (const c of candidates) if (chosen === null || chosen.has(c.path)) files.push({ adapter, file: { path: c.path, root: c.root } })
  }
  return { roots, files }
}

/** Lists the adapter's files below `dir`. Unreadable sub-directories are skipped, not fatal. */
export function listSourceFiles(adapter: AnyAdapter, rootDir: string, depth?: number): string[] {
  const dir = resolve(rootDir)
  const out: string[] = []
  let entries
  try {
    entries = depth === undefined ? readdirSync(dir, { recursive: true, withFileTypes: true }) : listToDepth(dir, depth)
  } catch {
    return out
  }
  const prefix = dir.length + 1
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const abs = join(entry.parentPath, entry.name)
    const rel = sep === '/' ? abs.slice(prefix) : abs.slice(prefix).split(sep).join('/')
    if (adapter.isSourceFile(rel)) out.push(abs)
  }
  out.sort()
  return out
}

function dedupeRoots(roots: readonly SourceRoot[]): SourceRoot[] {
  const seen = new Set<string>()
  return roots.filter((r) => (seen.has(r.dir) ? false : (seen.add(r.dir), true)))
}

/** Entries of `dir` down to `depth` levels below it (0 = `dir` only); unreadable sub-directories are skipped. */
function listToDepth(dir: string, depth: number): Dirent[] {
  const out: Dirent[] = []
  const walk = (d: string, level: number): void => {
    let entries: Dirent[]
    try {
      entries = readdirSync(d, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      out.push(e)
      if (e.isDirectory() && level < depth) walk(join(d, e.name), level + 1)
    }
  }
  walk(dir, 0)
  return out
}
