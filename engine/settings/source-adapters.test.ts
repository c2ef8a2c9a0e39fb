import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { AnyAdapter, DiscoveryContext } from '../../common/adapter-contract.ts'
import { ADAPTERS } from '../../adapters/index.ts'
import { DEFAULT_SETTINGS, type SourceSettings } from '../../common/settings.ts'
import { discover } from '../ingest/discover.ts'
import { applySourceSettings } from './source-adapters.ts'
import { sourceLocations } from './source-locations.ts'

const temps: string[] = []
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true })
})

const ctx: DiscoveryContext = { home: '/h', env: {}, platform: 'linux' }
const none = DEFAULT_SETTINGS.sources
const rootsOf = (adapters: readonly AnyAdapter[], provider: string) => adapters.filter((a) => a.provider === provider).map((a) => a.roots(ctx))

describe('applySourceSettings', () => {
  it('leaves the adapters untouched with default settings', () => {
    expect(applySourceSettings(ADAPTERS, none)).toEqual(ADAPTERS)
  })

  it('drops a turned-off agent entirely (both Gemini adapters)', () => {
    const configured = applySourceSettings(ADAPTERS, { ...none, disabledProviders: ['gemini', 'codex'] })
    expect(configured.map((a) => a.provider)).toEqual(['claude', 'opencode', 'opencode', 'droid', 'amp', 'cursor'])
  })

  it('leaves out a turned-off location and keeps the agent’s other one', () => {
    const configured = applySourceSettings(ADAPTERS, { ...none, disabledRoots: ['/h/.claude/projects'] })
    expect(rootsOf(configured, 'claude')).toEqual([[{ dir: '/h/.config/claude/projects', account: '/h/.config/claude' }]])
  })

  it('adds a custom folder as a root of its agent, read to any depth, with the folder as its account', () => {
    const configured = applySourceSettings(ADAPTERS, { ...none, customFolders: [{ provider: 'claude', dir: '/mnt/laptop/claude' }] })
    expect(rootsOf(configured, 'claude')).toEqual([
      [
        { dir: '/h/.claude/projects', account: '/h/.claude' },
        { dir: '/h/.config/claude/projects', account: '/h/.config/claude' },
        { dir: '/mnt/laptop/claude', account: '/mnt/laptop/claude' },
      ],
    ])
    // Other agents are not pointed at it.
    expect(rootsOf(configured, 'codex')).toEqual(rootsOf(ADAPTERS, 'codex'))
  })

  it('gives a custom OpenCode folder the depth of each OpenCode reader (databases at the top, legacy JSON below)', () => {
    const configured = applySourceSettings(ADAPTERS, { ...none, customFolders: [{ provider: 'opencode', dir: '/backup/opencode' }] })
    expect(rootsOf(configured, 'opencode').map((roots) => roots.at(-1))).toEqual([
      { dir: '/backup/opencode', account: '/backup/opencode', depth: 0 },
      { dir: '/backup/opencode', account: '/backup/opencode' },
    ])
  })

  it('a turned-off location can be a custom folder too', () => {
    const sources: SourceSettings = { ...none, customFolders: [{ provider: 'cursor', dir: '/x/exports' }], disabledRoots: ['/x/exports'] }
    expect(rootsOf(applySourceSettings(ADAPTERS, sources), 'cursor')).toEqual([[{ dir: '/h/.tokenledger/imports/cursor', account: '/h/.tokenledger/imports/cursor' }]])
  })
})

describe('sourceLocations', () => {
  it('lists every location of every agent once, turned-off and custom ones marked, existence from the disk', () => {
    const home = mkdtempSync(join(tmpdir(), 'tl-locations-'))
    const custom = mkdtempSync(join(tmpdir(), 'tl-custom-'))
    temps.push(home, custom)
    mkdirSync(join(home, '.claude', 'projects'), { recursive: true })
    mkdirSync(join(home, '.codex', 'sessions'), { recursive: true })
    const c: DiscoveryContext = { home, env: {}, platform: 'linux' }
    const sources: SourceSettings = {
      disabledProviders: ['codex'],
      disabledRoots: [join(home, '.config', 'claude', 'projects')],
      customFolders: [{ provider: 'claude', dir: custom }],
    }
    const discovery = discover(applySourceSettings(ADAPTERS, sources), c)
    const rows = sourceLocations(ADAPTERS, sources, c, discovery).map((l) => ({ provider: l.provider, dir: l.root.dir.replace(home, '~'), exists: l.exists, enabled: l.enabled, custom: l.custom }))
    expect(rows).toEqual([
      { provider: 'claude', dir: '~/.claude/projects', exists: true, enabled: true, custom: false },
      { provider: 'claude', dir: '~/.config/claude/projects', exists: false, enabled: false, custom: false },
      { provider: 'claude', dir: custom, exists: true, enabled: true, custom: true },
      // A turned-off agent is still listed (never walked: only whether it exists).
      { provider: 'codex', dir: '~/.codex/sessions', exists: true, enabled: false, custom: false },
      { provider: 'codex', dir: '~/.codex/archived_sessions', exists: false, enabled: false, custom: false },
      // Gemini's two readers share one folder: one row.
      { provider: 'gemini', dir: '~/.gemini/tmp', exists: false, enabled: true, custom: false },
      { provider: 'opencode', dir: '~/.local/share/opencode', exists: false, enabled: true, custom: false },
      { provider: 'opencode', dir: '~/.local/share/opencode/storage/message', exists: false, enabled: true, custom: false },
      { provider: 'droid', dir: '~/.factory/sessions', exists: false, enabled: true, custom: false },
      { provider: 'amp', dir: '~/.local/share/amp/threads', exists: false, enabled: true, custom: false },
      { provider: 'cursor', dir: '~/.tokenledger/imports/cursor', exists: false, enabled: true, custom: false },
    ])
  })
})
