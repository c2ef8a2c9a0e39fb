import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

/** One corpus size: `n` Claude requests, a quarter as many Codex requests. */
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
}

export const USAGE = `Usage: npm run bench -- [--sizes 10k,100k[,1m]] [--keep] [--out bench/out] [--seed 42] [--appends 100] [--tools-prefix DIR]

  --sizes         Claude request counts (k/m suffixes); each size adds a quarter as many Codex requests.
                  1m writes about 6 GB: free disk is checked first.
  --keep          keep generated corpora in <out>/corpus-<size> for the next run (reused when seed/size match).
  --out           where results.json (and kept corpora) go.
  --appends       appended lines for the append -> snapshot latency (50-200 recommended).
  --tools-prefix  npm prefix holding @ccusage/ccusage-linux-x64 and @tokscale/cli-linux-x64-gnu
                  (also read from TOKENLEDGER_BENCH_TOOLS; the repo and /tmp/bench-tools are always tried).`

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
  const envPrefix = process.env['TOKENLEDGER_BENCH_TOOLS']
  return {
    sizes: values.sizes.split(',').filter(Boolean).map(parseSize),
    keep: values.keep,
    out: resolve(repoRoot, values.out),
    seed,
    appends,
    toolPrefixes: [...values['tools-prefix'], ...(envPrefix ? [envPrefix] : []), repoRoot, '/tmp/bench-tools'],
  }
}
