import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { measure, type RunResult } from './measure.ts'

/**
 * The two fastest existing readers, run side by side on the same corpus when their native binaries are
 * installed (never added to package.json). ccusage has no cache: every run is a full read. tokscale keeps
 * a parsed-message cache, so it gets a cold run (empty config dir) and a warm one.
 */
export const INSTALL_HINT =
  'npm i --no-save @ccusage/ccusage-linux-x64@20 @tokscale/cli-linux-x64-gnu@4   (or into a prefix: npm install --no-save --prefix /tmp/bench-tools …)'

export interface RefTool {
  name: 'ccusage' | 'tokscale'
  version: string
  bin: string
}

const PACKAGES = [
  { name: 'ccusage', pkg: '@ccusage/ccusage-linux-x64', bin: 'bin/ccusage', major: 20 },
  { name: 'tokscale', pkg: '@tokscale/cli-linux-x64-gnu', bin: 'bin/tokscale', major: 4 },
] as const

export interface ToolSearch {
  found: RefTool[]
  notes: string[]
}

export function findTools(prefixes: readonly string[]): ToolSearch {
  const found: RefTool[] = []
  const notes: string[] = []
  for (const p of PACKAGES) {
    const dir = prefixes.map((prefix) => join(prefix, 'node_modules', p.pkg)).find((d) => existsSync(join(d, p.bin)))
    if (dir === undefined) {
      notes.push(`${p.name} ${p.major}: not found (${p.pkg} in ${prefixes.join(', ')})`)
      continue
    }
    const bin = join(dir, p.bin)
    const version = String((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version ?? '?')
    try {
      accessSync(bin, constants.X_OK)
    } catch {
      // The platform packages ship the binary without the exec bit; their own npm launchers set it the same way.
      chmodSync(bin, 0o755)
      notes.push(`${p.name}: made ${bin} executable`)
    }
    if (!version.startsWith(`${p.major}.`)) notes.push(`${p.name}: found ${version}, the reference figures are for ${p.major}.x`)
    found.push({ name: p.name, version, bin })
  }
  return { found, notes }
}

export type Provider = 'claude' | 'codex'

export interface ToolRun {
  provider: Provider
  phase: 'cold' | 'warm'
  run: RunResult
  /** Tokens the tool reported (all buckets, reasoning counted once); null when its output did not parse. */
  totalTokens: number | null
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0
}

/** ccusage: `totals` of `<provider> daily --json`; Claude has no reasoning bucket, Codex output includes it. */
function ccusageTokens(stdout: string): number | null {
  try {
    const t = (JSON.parse(stdout) as { totals?: Record<string, unknown> }).totals
    return t === undefined ? null : num(t['inputTokens']) + num(t['outputTokens']) + num(t['cacheReadTokens']) + num(t['cacheCreationTokens'])
  } catch {
    return null
  }
}

/** tokscale `graph`: `summary.totalTokens` (its output excludes reasoning, which it adds back as its own bucket). */
function tokscaleTokens(stdout: string): number | null {
  try {
    const s = (JSON.parse(stdout) as { summary?: { totalTokens?: unknown } }).summary
    return typeof s?.totalTokens === 'number' ? s.totalTokens : null
  } catch {
    return null
  }
}

/** The real environment minus the agents' own path variables, so nothing outside the corpus is read. */
function isolatedEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', NO_COLOR: '1', ...extra }
  for (const k of ['CLAUDE_CONFIG_DIR', 'CODEX_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME']) if (!(k in extra)) delete env[k]
  return env
}

export function runTool(tool: RefTool, home: string, scratch: string): ToolRun[] {
  const runs: ToolRun[] = []
  for (const provider of ['claude', 'codex'] as const) {
    if (tool.name === 'ccusage') {
      const env = isolatedEnv({ HOME: home })
      const run = measure(tool.bin, [provider, 'daily', '--json', '--offline', '--timezone', 'UTC'], { env, scratch })
      runs.push({ provider, phase: 'cold', run, totalTokens: ccusageTokens(run.stdout) })
      continue
    }
    const config = join(scratch, `tokscale-${provider}`)
    rmSync(config, { recursive: true, force: true })
    mkdirSync(config, { recursive: true })
    const env = isolatedEnv({ TOKSCALE_CONFIG_DIR: config, TOKSCALE_PRICING_CACHE_ONLY: '1' })
    for (const phase of ['cold', 'warm'] as const) {
      const run = measure(tool.bin, ['graph', '--home', home, '-c', provider, '--no-spinner'], { env, scratch })
      runs.push({ provider, phase, run, totalTokens: tokscaleTokens(run.stdout) })
    }
    rmSync(config, { recursive: true, force: true })
  }
  return runs
}
