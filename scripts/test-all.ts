/**
 * `npm test`: every suite, in order, then ONE plain summary line `N passed, N failed, N skipped` that CI
 * reads (it does not read vitest's own summaries). Checks without their own test counts (type-check,
 * lint, build) count as one test each. Exit code is non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

interface Tally {
  passed: number
  failed: number
  skipped: number
}

const root = join(import.meta.dirname, '..')
const outDir = join(root, 'test-results')
rmSync(outDir, { recursive: true, force: true })
mkdirSync(outDir, { recursive: true })
const total: Tally = { passed: 0, failed: 0, skipped: 0 }
const lines: string[] = []

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env })
  return r.status ?? 1
}

/** A check that passes or fails as a whole. */
function check(name: string, cmd: string, args: string[]): void {
  process.stdout.write(`\n=== ${name} ===\n`)
  const ok = run(cmd, args) === 0
  if (ok) total.passed++
  else total.failed++
  lines.push(`${ok ? 'PASS' : 'FAIL'} ${name}`)
}

/** A vitest run whose per-test counts come from its JSON report. */
function vitest(name: string, configArgs: string[]): void {
  process.stdout.write(`\n=== ${name} ===\n`)
  const report = join(outDir, `${name.replace(/\W+/g, '-')}.json`)
  const status = run('npx', ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`])
  if (!existsSync(report)) {
    total.failed++
    lines.push(`FAIL ${name}: no report (exit ${status})`)
    return
  }
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number }
  const failed = r.numFailedTests + (r.numFailedTests === 0 && (status !== 0 || r.numFailedTestSuites > 0) ? 1 : 0)
  total.passed += r.numPassedTests
  total.failed += failed
  total.skipped += r.numPendingTests + r.numTodoTests
  lines.push(`${failed === 0 ? 'PASS' : 'FAIL'} ${name}: ${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped`)
}

/** The offline packaging layout check; it reports SKIP (counted as skipped) where it needs the network. */
function packagingCheck(): void {
  process.stdout.write('\n=== packaging layout (electron-builder --linux dir) ===\n')
  const r = spawnSync('node', ['scripts/package-layout.ts'], { cwd: root, encoding: 'utf8', env: process.env })
  process.stdout.write(r.stdout + r.stderr)
  const skipped = /package-layout: SKIP/.test(r.stdout)
  if (r.status !== 0) total.failed++
  else if (skipped) total.skipped++
  else total.passed++
  lines.push(`${r.status !== 0 ? 'FAIL' : skipped ? 'SKIP' : 'PASS'} packaging layout`)
}

check('type-check', 'npx', ['tsc', '-p', 'tsconfig.node.json'])
check('type-check (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json'])
check('lint', 'oxlint', ['--deny-warnings', 'common', 'engine', 'adapters', 'main', 'preload', 'renderer', 'e2e', 'scripts', 'bench'])
vitest('unit', [])
check('build (electron-vite)', 'npx', ['electron-vite', 'build'])
packagingCheck()
if (existsSync(join(root, 'vitest.e2e.config.ts'))) vitest('e2e', ['--config', 'vitest.e2e.config.ts'])

process.stdout.write(`\n=== summary ===\n${lines.join('\n')}\n`)
process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`)
process.exitCode = total.failed === 0 ? 0 : 1
