import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

/**
 * One corpus size: `n` Claude requests, a quarter as many Codex requests, and a tenth as many billable units
 * for each other agent (bench/corpus/index.ts `otherAgentRequests`).
 */
export interface BenchSize {
  label: string
  claudeRequests: number
  codexRequests: number
}

export interface BenchArgs {
  sizes: BenchSize[]
  keep: boolean
  out: string
  seed: number
  appends: number
  /** Extra npm prefixes to look for ccusage / tokscale native binaries in. */
  toolPrefixes: string[]
  /** Tray-app measurements (bench/ui/): run them, skip them, or run only them. */
  ui: 'yes' | 'no' | 'only'
  /** Appends timed from the log file to the popover's today figure. */
  uiAppends: number
  /** Appends standing for one hour of activity in the renderer memory test (one request every 5 s). */
  uiMemoryAppends: number
  /** Claude requests of history (plus a quarter as many Codex) under the popover's fixture home. */
  uiHistory: number
  /** How long the idle engine's CPU time and wake-ups are sampled. */
  idleSeconds: number
}

export const USAGE = `Usage: npm run bench -- [--sizes 10k,100k[,1m]] [--keep] [--out bench/out] [--seed 42] [--appends 100] [--tools-prefix DIR]
                       [--no-ui | --ui-only] [--ui-appends 50] [--ui-memory-appends 720] [--ui-history 10k] [--idle-seconds 60]

  --sizes         Claude request counts (k/m suffixes); each size adds a quarter as many Codex requests and a
                  tenth as many for each of Gemini CLI, OpenCode, Amp (requests), Factory Droid (sessions)
                  and Cursor (export rows). 1m writes about 7 GB: free disk is checked first.
  --keep          keep generated corpora in <out>/corpus-<size> for the next run (reused when seed/size match).
  --out           where results.json (and kept corpora) go.
  --appends       appended lines for the append -> snapshot latency (50-200 recommended).
  --tools-prefix  npm prefix holding @ccusage/ccusage-linux-x64 and @tokscale/cli-linux-x64-gnu
                  (also read from TOKENLEDGER_BENCH_TOOLS; the repo and /tmp/bench-tools are always tried).
  --no-ui         skip the tray-app measurements (popover in Chromium, idle engine).
  --ui-only       run only the tray-app measurements (no corpus sizes, no reference tools).
  --ui-appends    appends timed from the log file to the popover's today figure.
  --ui-memory-appends  appends standing for one hour of activity in the renderer memory test.
  --ui-history    Claude requests of past history in the popover's home (k/m suffixes; 0 = the e2e fixture only).
  --idle-seconds  how long the idle engine is sampled for CPU time and wake-ups.`

export function parseSize(text: string): BenchSize {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim())
  if (m === null) throw new Error(`bad size "${text}" (use e.g. 10k, 100k, 1m, 5000)`)
  const mult = { '': 1, k: 1_000, m: 1_000_000 }[(m[2] ?? '').toLowerCase()] ?? 1
  const claudeRequests = Math.round(Number(m[1]) * mult)
  if (claudeRequests < 4) throw new Error(`size "${text}" is too small`)
  return { label: text.trim().toLowerCase(), claudeRequests, codexRequests: Math.round(claudeRequests / 4) }
}

export function parseBenchArgs(argv: readonly string[], repoRoot: string): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '10k,100k' },
      keep: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/out' },
      seed: { type: 'string', default: '42' },
      appends: { type: 'string', default: '100' },
      'tools-prefix': { type: 'string', multiple: true, default: [] },
      'no-ui': { type: 'boolean', default: false },
      'ui-only': { type: 'boolean', default: false },
      'ui-appends': { type: 'string', default: '50' },
      'ui-memory-appends': { type: 'string', default: '720' },
      'ui-history': { type: 'string', default: '10k' },
      'idle-seconds': { type: 'string', default: '60' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const appends = Number(values.appends)
  const seed = Number(values.seed)
  if (!Number.isInteger(appends) || appends < 1) throw new Error('--appends must be a positive integer')
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer')
  if (values['no-ui'] && values['ui-only']) throw new Error('--no-ui and --ui-only exclude each other')
  const uiAppends = positiveInt(values['ui-appends'], '--ui-appends')
  const uiMemoryAppends = positiveInt(values['ui-memory-appends'], '--ui-memory-appends')
  const idleSeconds = positiveInt(values['idle-seconds'], '--idle-seconds')
  const uiHistory = values['ui-history'].trim() === '0' ? 0 : parseSize(values['ui-history']).claudeRequests
  const envPrefix = process.env['TOKENLEDGER_BENCH_TOOLS']
  return {
    sizes: values.sizes.split(',').filter(Boolean).map(parseSize),
    keep: values.keep,
    out: resolve(repoRoot, values.out),
    seed,
    appends,
    toolPrefixes: [...values['tools-prefix'], ...(envPrefix ? [envPrefix] : []), repoRoot, '/tmp/bench-tools'],
    ui: values['ui-only'] ? 'only' : values['no-ui'] ? 'no' : 'yes',
    uiAppends,
    uiMemoryAppends,
    uiHistory,
    idleSeconds,
  }
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer`)
  return n
}
