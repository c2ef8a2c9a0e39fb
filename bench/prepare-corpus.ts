import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BenchSize } from './args.ts'
import { generateHome, type GeneratedHome } from './corpus/index.ts'

/**
 * Bump when a generator's output changes, so kept corpora from an older generator are not reused with
 * expected totals they no longer match.
 */
export const CORPUS_VERSION = 2
/** Fixed dates keep the corpus byte-identical across runs (reports need no "now"). */
export const CORPUS_START_MS = Date.UTC(2026, 0, 5)
export const CORPUS_DAYS = 60
/** Measured bytes per request (Claude ~4.7 KB, Codex ~4.9 KB), rounded up for the disk check. */
const BYTES_PER_REQUEST = 5_000
/** The other agents' files per Claude request (a tenth as many units each, ~11 KB per five units), rounded up. */
const OTHER_AGENTS_BYTES_PER_CLAUDE_REQUEST = 1_500
/** Where the append-latency test writes its extra session; removed after, and before reusing a corpus. */
export const APPEND_PROJECT = '-home-dev-code-bench-append'

interface Manifest {
  version: number
  seed: number
  claudeRequests: number
  codexRequests: number
  startMs: number
  days: number
  home: GeneratedHome
}

export interface PreparedCorpus {
  /** The fake HOME holding every agent's files. */
  home: string
  generated: GeneratedHome
  reused: boolean
  generateMs: number | null
  /** Deleted after the size is measured (not --keep and not reused). */
  temporary: boolean
}

export function estimateCorpusBytes(size: BenchSize): number {
  return (size.claudeRequests + size.codexRequests) * BYTES_PER_REQUEST + size.claudeRequests * OTHER_AGENTS_BYTES_PER_CLAUDE_REQUEST
}

/** Free bytes on the file system holding `dir` (or its nearest existing parent). */
export function freeBytes(dir: string): number {
  let d = dir
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d)
  const s = statfsSync(d)
  return s.bavail * s.bsize
}

function readManifest(path: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest
  } catch {
    return null
  }
}

function matches(m: Manifest | null, size: BenchSize, seed: number): m is Manifest {
  return (
    m !== null && m.version === CORPUS_VERSION && m.seed === seed && m.claudeRequests === size.claudeRequests &&
    m.codexRequests === size.codexRequests && m.startMs === CORPUS_START_MS && m.days === CORPUS_DAYS
  )
}

/**
 * Reuses `<out>/corpus-<size>` when its manifest matches this seed and size; otherwise generates into it
 * (`--keep`) or into `scratch` (deleted afterwards). The manifest is written last, so an interrupted
 * generation is never mistaken for a complete corpus.
 */
export function prepareCorpus(size: BenchSize, seed: number, out: string, scratch: string, keep: boolean): PreparedCorpus {
  const keptDir = join(out, `corpus-${size.label}`)
  const manifestPath = join(keptDir, 'manifest.json')
  const existing = readManifest(manifestPath)
  if (matches(existing, size, seed)) {
    const home = join(keptDir, 'home')
    rmSync(join(home, '.claude', 'projects', APPEND_PROJECT), { recursive: true, force: true })
    return { home, generated: existing.home, reused: true, generateMs: null, temporary: false }
  }
  const root = keep ? keptDir : join(scratch, `corpus-${size.label}`)
  rmSync(root, { recursive: true, force: true })
  const need = estimateCorpusBytes(size) * 1.5
  const free = freeBytes(root)
  if (free < need) {
    throw new Error(`not enough free disk for the ${size.label} corpus in ${dirname(root)}: need ~${gb(need)} (corpus, ledger and tool caches), ${gb(free)} free`)
  }
  const home = join(root, 'home')
  mkdirSync(home, { recursive: true })
  const t0 = performance.now()
  const generated = generateHome({ dir: home, claudeRequests: size.claudeRequests, codexRequests: size.codexRequests, seed, startMs: CORPUS_START_MS, days: CORPUS_DAYS })
  const generateMs = performance.now() - t0
  if (keep) {
    const manifest: Manifest = { version: CORPUS_VERSION, seed, ...size, startMs: CORPUS_START_MS, days: CORPUS_DAYS, home: generated }
    writeFileSync(manifestPath, JSON.stringify(manifest))
  }
  return { home, generated, reused: false, generateMs, temporary: !keep }
}

/** Reads every file once so every tool starts from the same warm page cache; returns what is on disk. */
export function warmPageCache(dir: string): { bytes: number; files: number } {
  let bytes = 0
  let files = 0
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue
    const p = join(e.parentPath, e.name)
    bytes += statSync(p).size
    files++
    readFileSync(p)
  }
  return { bytes, files }
}

function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(1)} GB`
}
