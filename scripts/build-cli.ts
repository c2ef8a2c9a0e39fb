/**
 * Builds the CLI bundle (`out/cli/tokenledger.js`) when it is missing or older than any engine source.
 * `--if-stale` makes it a cheap no-op when the bundle is current. Used by ./tokenledger and the bench.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
export const CLI_BUNDLE = join(root, 'out', 'cli', 'tokenledger.js')
const SOURCE_DIRS = ['common', 'engine', 'adapters']

/** Newest modification time of the CLI's sources (ignoring tests). */
function newestSourceMtime(): number {
  let newest = statSync(join(root, 'package-lock.json')).mtimeMs
  for (const dir of SOURCE_DIRS) {
    for (const e of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs)
    }
  }
  return newest
}

export function cliBundleIsCurrent(): boolean {
  return existsSync(CLI_BUNDLE) && statSync(CLI_BUNDLE).mtimeMs >= newestSourceMtime()
}

export function buildCli(): void {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('building the CLI bundle failed')
}

if (import.meta.main) {
  if (!process.argv.includes('--if-stale') || !cliBundleIsCurrent()) buildCli()
}
