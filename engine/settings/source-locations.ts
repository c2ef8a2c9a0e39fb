import { existsSync } from 'node:fs'
import type { AnyAdapter, DiscoveryContext, SourceRoot } from '../../common/adapter-contract.ts'
import type { ProviderId } from '../../common/providers.ts'
import type { SourceSettings } from '../../common/settings.ts'
import type { Discovery } from '../ingest/discover.ts'
import { withCustomRoots } from './source-adapters.ts'

/** One place TokenLedger looks (or would look) for an agent's files, and what the settings say about it. */
export interface SourceLocation {
  readonly provider: ProviderId
  readonly root: SourceRoot
  readonly exists: boolean
  /** Read and watched: neither its agent nor the location itself is turned off. */
  readonly enabled: boolean
  /** Added by the user (settings.sources.customFolders), not detected. */
  readonly custom: boolean
}

/**
 * Every location of every adapter, turned off or not, one per agent and folder (two adapters of one
 * agent can share a folder). Cheap enough for every snapshot: `exists` comes from the discovery the engine
 * already made for the enabled ones; only turned-off locations (never walked) cost one stat each.
 */
export function sourceLocations(adapters: readonly AnyAdapter[], sources: SourceSettings, ctx: DiscoveryContext, discovery: Discovery): SourceLocation[] {
  const key = (provider: string, dir: string): string => `${provider}\u0000${dir}`
  const found = new Map(discovery.roots.map((r) => [key(r.adapter.provider, r.root.dir), r.exists]))
  const customKeys = new Set(sources.customFolders.map((f) => key(f.provider, f.dir)))
  const disabledRoots = new Set(sources.disabledRoots)
  const seen = new Set<string>()
  const out: SourceLocation[] = []
  for (const adapter of adapters) {
    const providerOn = !sources.disabledProviders.includes(adapter.provider)
    for (const root of withCustomRoots(adapter, sources.customFolders, ctx)) {
      const k = key(adapter.provider, root.dir)
      if (seen.has(k)) continue
      seen.add(k)
      const enabled = providerOn && !disabledRoots.has(root.dir)
      out.push({ provider: adapter.provider, root, exists: found.get(k) ?? existsSync(root.dir), enabled, custom: customKeys.has(k) })
    }
  }
  return out
}
