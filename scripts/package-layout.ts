/**
 * Offline packaging check: `node scripts/package-layout.ts [--keep] [--no-build]`.
 *
 * Real installers need the network (electron-builder downloads the Electron zip and its nsis/AppImage/fpm
 * tools from GitHub). The `dir` target with `electronDist` pointing at a stub Electron needs nothing, and
 * still writes the real `app.asar` and `app.asar.unpacked`, which is where packaging bugs live: a missing
 * `out/` file, a devDependency shipped, or a native module left inside the archive where it cannot load.
 *
 * Exit codes: 0 = layout OK or SKIP (electron-builder could not run offline), 1 = a check failed.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const BIN = join(ROOT, 'node_modules', '.bin')
const KEEP = process.argv.includes('--keep')
/** Package the existing out/ as it is (e.g. right after CI's own build). */
const NO_BUILD = process.argv.includes('--no-build')
const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|unable to get local issuer/i

interface AsarEntry {
  readonly files?: Record<string, AsarEntry>
  readonly unpacked?: boolean
  readonly size?: number
}

interface Check {
  readonly name: string
  readonly ok: boolean
  readonly detail?: string
}

function run(command: string, args: string[], timeoutMs: number): { ok: boolean; output: string } {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`
  return { ok: result.status === 0, output }
}

const tail = (text: string, lines = 25): string => text.trimEnd().split('\n').slice(-lines).join('\n')
/** The informative part of a tool's failure: its messages without JavaScript stack frames. */
const messages = (text: string, lines = 20): string =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s+at /.test(line))
    .slice(0, lines)
    .join('\n')

/** A stand-in Electron: electron-builder only copies it and reads `version`, it never runs it. */
function makeStubElectronDist(dir: string): string {
  const electronVersion: unknown = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version
  const dist = join(dir, 'electron-dist')
  mkdirSync(dist, { recursive: true })
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "stub Electron used by scripts/package-layout.ts" >&2\nexit 1\n')
  chmodSync(join(dist, 'electron'), 0o755)
  writeFileSync(join(dist, 'LICENSE'), 'Stub Electron distribution for an offline layout check.\n')
  writeFileSync(join(dist, 'version'), `${String(electronVersion)}\n`)
  return dist
}

/** Reads the JSON header of an asar archive (Chromium pickle: 4, header size, payload size, string length, JSON). */
function readAsarHeader(path: string): AsarEntry {
  const fd = openSync(path, 'r')
  try {
    const prefix = Buffer.alloc(16)
    readSync(fd, prefix, 0, 16, 0)
    const jsonLength = prefix.readUInt32LE(12)
    const json = Buffer.alloc(jsonLength)
    readSync(fd, json, 0, jsonLength, 16)
    return JSON.parse(json.toString('utf8'))
  } finally {
    closeSync(fd)
  }
}

/** Every file in the archive, by relative path with forward slashes. */
function listAsar(entry: AsarEntry, prefix = ''): Map<string, AsarEntry> {
  const out = new Map<string, AsarEntry>()
  for (const [name, child] of Object.entries(entry.files ?? {})) {
    const path = prefix ? `${prefix}/${name}` : name
    if (child.files) for (const [p, e] of listAsar(child, path)) out.set(p, e)
    else out.set(path, child)
  }
  return out
}

function checkLayout(unpackedDir: string): Check[] {
  const resources = join(unpackedDir, 'resources')
  const asarPath = join(resources, 'app.asar')
  if (!existsSync(asarPath)) return [{ name: 'resources/app.asar exists', ok: false, detail: asarPath }]
  const files = listAsar(readAsarHeader(asarPath))
  const paths = [...files.keys()]
  const has = (path: string): boolean => files.has(path)
  const nativeAddon = 'node_modules/better-sqlite3/prebuilds/linux-x64.node'
  const shipped = (pkg: string): boolean => paths.some((p) => p.startsWith(`node_modules/${pkg}/`))
  const stray = paths.filter((p) => !p.startsWith('out/') && !p.startsWith('node_modules/') && p !== 'package.json')
  const devOnly = ['electron', 'react', 'react-dom', 'recharts', 'zustand', 'vitest', 'typescript', 'electron-builder', 'playwright-core']
  return [
    { name: 'resources/app.asar exists', ok: true, detail: `${files.size} files` },
    ...['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/preferences.html'].map(
      (path): Check => ({ name: `asar contains ${path}`, ok: has(path) }),
    ),
    { name: 'asar contains the engine chunk (out/main/chunks/entry-utility-*.js)', ok: paths.some((p) => /^out\/main\/chunks\/entry-utility-.*\.js$/.test(p)) },
    ...['better-sqlite3', 'chokidar', 'menubar', 'zod'].map((pkg): Check => ({ name: `runtime dependency ${pkg} is shipped`, ok: has(`node_modules/${pkg}/package.json`) })),
    { name: `${nativeAddon} is marked unpacked`, ok: files.get(nativeAddon)?.unpacked === true },
    { name: `app.asar.unpacked/${nativeAddon} exists`, ok: existsSync(join(resources, 'app.asar.unpacked', ...nativeAddon.split('/'))) },
    {
      name: 'no other platform prebuilds (darwin, win32)',
      ok: !paths.some((p) => /better-sqlite3\/prebuilds\/(darwin|win32)-/.test(p)),
    },
    { name: 'no better-sqlite3 C sources (deps/, src/)', ok: !paths.some((p) => /better-sqlite3\/(deps|src)\//.test(p)) },
    { name: `no devDependencies shipped (${devOnly.join(', ')})`, ok: !devOnly.some(shipped), detail: devOnly.filter(shipped).join(', ') || undefined },
    { name: 'no source maps', ok: !paths.some((p) => p.startsWith('out/') && p.endsWith('.map')) },
    { name: 'nothing but out/, node_modules/ and package.json (no sources, fixtures or scripts)', ok: stray.length === 0, detail: stray.slice(0, 5).join(', ') || undefined },
  ]
}

function main(): number {
  if (!NO_BUILD) {
    console.log('package-layout: building with electron-vite…')
    const build = run(join(BIN, 'electron-vite'), ['build'], 180_000)
    if (!build.ok) {
      console.error(`package-layout: FAIL: electron-vite build failed\n${messages(build.output)}`)
      return 1
    }
  }

  const work = mkdtempSync(join(tmpdir(), 'tokenledger-layout-'))
  const output = join(work, 'dist')
  try {
    const electronDist = makeStubElectronDist(work)
    console.log(`package-layout: electron-builder --linux dir with a stub Electron (output ${output})…`)
    const started = Date.now()
    const pack = run(
      join(BIN, 'electron-builder'),
      ['--linux', 'dir', '--x64', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
      300_000,
    )
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    if (!pack.ok) {
      if (NETWORK_ERROR.test(pack.output)) {
        console.log(`package-layout: SKIP: electron-builder needed the network and this machine is offline (${seconds} s)\n${tail(pack.output, 8)}`)
        return 0
      }
      console.error(`package-layout: FAIL: electron-builder failed after ${seconds} s\n${messages(pack.output)}\n…\n${tail(pack.output, 10)}`)
      return 1
    }
    console.log(`package-layout: packaged in ${seconds} s; checking the layout`)
    const checks = checkLayout(join(output, 'linux-unpacked'))
    for (const check of checks) console.log(`  ${check.ok ? '✓' : '✗'} ${check.name}${check.detail ? ` (${check.detail})` : ''}`)
    const failed = checks.filter((c) => !c.ok).length
    console.log(failed === 0 ? 'package-layout: OK' : `package-layout: FAIL: ${failed} of ${checks.length} checks failed`)
    return failed === 0 ? 0 : 1
  } finally {
    if (KEEP) console.log(`package-layout: kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
}

process.exitCode = main()
