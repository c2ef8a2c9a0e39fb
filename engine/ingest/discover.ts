import { existsSync, readdirSync, type Dirent } from 'node:fs'
import { resolve, sep } from 'node:path'
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

/**
 * Lists the adapter's files below `dir`. Unreadable sub-directories are skipped, not fatal.
 * Hand-walked rather than `readdirSync({ recursive: true })`: that joins and normalizes a path for every
 * entry and stats some, which is most of a warm run's discovery on thousands of session files. Dirent
 * types come from the directory listing itself; paths are built by concatenation from a resolved root.
 */
export function listSourceFiles(adapter: AnyAdapter, rootDir: string, depth?: number): string[] {
  const out: string[] = []
  const maxDepth = depth ?? Number.POSITIVE_INFINITY
  // [absolute dir, path relative to the root with '/' separators ('' for the root), level]
  const pending: Array<[string, string, number]> = [[resolve(rootDir), '', 0]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [abs, rel, level] = next
    let entries: Dirent[]
    try {
      entries = readdirSync(abs, { withFileTypes: true })
    } catch {
      continue
    }
    const dirPrefix = abs.endsWith(sep) ? abs : abs + sep
    for (const e of entries) {
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`
      if (e.isDirectory()) {
        if (level < maxDepth) pending.push([dirPrefix + e.name, childRel, level + 1])
      } else if (e.isFile() && adapter.isSourceFile(childRel)) {
        out.push(dirPrefix + e.name)
      }
    }
  }
  out.sort()
  return out
}

function dedupeRoots(roots: readonly SourceRoot[]): SourceRoot[] {
  const seen = new Set<string>()
  return roots.filter((r) => (seen.has(r.dir) ? false : (seen.add(r.dir), true)))
}
