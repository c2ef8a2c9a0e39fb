import type { AnyAdapter, DiscoveryContext, SourceRoot } from '../../common/adapter-contract.ts'
import type { CustomFolder, SourceSettings } from '../../common/settings.ts'

/**
 * The adapters as the user configured them: disabled agents dropped, disabled roots left out, custom
 * folders added as extra roots of their agent. Adapters stay pure readers: this only changes where they
 * are pointed.
 */
export function applySourceSettings(adapters: readonly AnyAdapter[], sources: SourceSettings): AnyAdapter[] {
  const disabledRoots = new Set(sources.disabledRoots)
  return adapters
    .filter((a) => !sources.disabledProviders.includes(a.provider))
    .map((a) => {
      const custom = sources.customFolders.filter((f) => f.provider === a.provider)
      if (custom.length === 0 && disabledRoots.size === 0) return a
      const roots = (ctx: DiscoveryContext): SourceRoot[] => withCustomRoots(a, custom, ctx).filter((r) => !disabledRoots.has(r.dir))
      return { ...a, roots } as AnyAdapter
    })
}

/**
 * An adapter's own roots followed by the custom folders of its agent. A custom folder is read like the
 * agent's own roots (same depth: OpenCode's databases sit at the top of a folder, other agents' files
 * anywhere below), and is its own account: logs copied from another machine or config root stay apart,
 * and a plan can be limited to them.
 */
export function withCustomRoots(adapter: AnyAdapter, custom: readonly CustomFolder[], ctx: DiscoveryContext): SourceRoot[] {
  const own = adapter.roots(ctx)
  const depth = own[0]?.depth
  const extra = custom.filter((f) => f.provider === adapter.provider).map((f): SourceRoot => (depth === undefined ? { dir: f.dir, account: f.dir } : { dir: f.dir, account: f.dir, depth }))
  return [...own, ...extra]
}
