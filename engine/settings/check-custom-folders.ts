import { statSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { AnyAdapter, DiscoveryContext } from '../../common/adapter-contract.ts'
import type { FieldIssue } from '../../common/field-issues.ts'
import { PROVIDER_LABELS } from '../../common/providers.ts'
import { settingsPatchSchema, type SourceSettings } from '../../common/settings.ts'
import { InputError } from '../core/input-error.ts'

/**
 * Checks the custom folders a settings patch ADDS against the disk (the schema can only check that a
 * path is absolute): each must exist and be a directory, be added once, and not overlap a location the
 * agent already reads (its files would be read twice, under two accounts; a parent such as the home
 * folder would be walked whole). Folders already stored are not re-checked: one that went away since
 * must not block unrelated changes. Throws InputError on `sources.customFolders.N.dir`; a patch the schema
 * rejects is left to the settings store, which reports it.
 */
export function checkNewCustomFolders(patch: unknown, before: SourceSettings, adapters: readonly AnyAdapter[], ctx: DiscoveryContext): void {
  const parsed = settingsPatchSchema.safeParse(patch)
  const folders = parsed.success ? parsed.data.sources?.customFolders : undefined
  if (folders === undefined) return
  const stored = new Set(before.customFolders.map((f) => `${f.provider}\u0000${f.dir}`))
  const seen = new Set<string>()
  const issues: FieldIssue[] = []
  for (const [i, f] of folders.entries()) {
    const field = `sources.customFolders.${i}.dir`
    const dir = resolve(f.dir)
    const key = `${f.provider}\u0000${dir}`
    if (seen.has(key)) {
      issues.push({ field, message: `this folder is already added for ${PROVIDER_LABELS[f.provider]}` })
      continue
    }
    seen.add(key)
    if (stored.has(`${f.provider}\u0000${f.dir}`)) continue
    const problem = folderProblem(dir) ?? overlapProblem(dir, adapters.filter((a) => a.provider === f.provider).flatMap((a) => a.roots(ctx).map((r) => r.dir)))
    if (problem !== null) issues.push({ field, message: problem })
  }
  if (issues.length > 0) throw new InputError(issues)
}

function folderProblem(dir: string): string | null {
  try {
    return statSync(dir).isDirectory() ? null : 'this is a file, not a folder: choose the folder that holds the logs'
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such folder'
    if (code === 'EACCES' || code === 'EPERM') return 'this folder cannot be opened (permission denied)'
    return `this folder cannot be opened (${code ?? String(err)})`
  }
}

/** The agent's own locations: the folder must be neither one of them, inside one, nor around one. */
function overlapProblem(dir: string, roots: readonly string[]): string | null {
  for (const root of roots.map((r) => resolve(r))) {
    if (within(dir, root)) return `already read: it is inside ${root}`
    if (within(root, dir)) return `it contains ${root}, which is already read: choose a folder outside it`
  }
  return null
}

/** `inner` is `outer` or below it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}
