import type { AnyAdapter, SourceRoot } from '../../common/adapter-contract.ts'
import type { SourceSettings } from '../../common/settings.ts'

/**
 * The adapters as the user configured them: disabled agents dropped, disabled roots left out, custom
 * folders added as extra roots of their agent (with the depth of that agent's own roots, and the folder
 * itself as the account label). Adapters stay pure readers: this only changes where they are pointed.
 */
export function applySourceSettings(adapters: readonly AnyAdapter[], sources: SourceSettings): AnyAdapter[] {
  const disabledRoots = new Set(sources.disabledRoots)
  return adapters
    .filter((a) => !sources.disabledProviders.includes(a.provider))
    .map((a) => {
      const custom = sources.customFolders.filter((f) => f.provider === a.provider)
      if (custom.length === 0 && disabledRoots.size === 0) return a
      const roots = (ctx: Parameters<AnyAdapter['roots']>[0]): SourceRoot[] => {
        const own = a.roots(ctx)
        const depth = own[0]?.depth
        const extra = custom.map((f): SourceRoot => (depth === undefined ? { dir: f.dir, account: f.dir } : { dir: f.dir, account: f.dir, depth }))
        return [...own, ...extra].filter((r) => !disabledRoots.has(r.dir))
      }
      return { ...a, roots } as AnyAdapter
    })
}
