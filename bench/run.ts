/**
 * `npm run bench`: generates deterministic Claude Code + Codex corpora (bench/corpus/), then measures the
 * real CLI in child processes and, when installed, ccusage 20 and tokscale 4 on the same files.
 *
 * How figures are taken (see bench/README.md): wall time around each spawn; CPU and peak RSS from GNU
 * `/usr/bin/time` (rusage of the whole child); append latency via `watch --ui-snapshot-path`. Every tool
 * starts from a warm page cache (the corpus is read once first). Then the tray app (bench/ui/): the popover
 * in Chromium over the real engine, and the engine's idle cost (`--no-ui` skips it, `--ui-only` runs only
 * it). Speed is measured here, never in tests.
 */
import { cpus, totalmem, tmpdir } from 'node:os'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseBenchArgs, USAGE } from './args.ts'
import { reportTokensTotal, toReportTokens } from '../common/tokens.ts'
import { PROVIDER_IDS } from '../common/providers.ts'
import { sumTotals } from './corpus/index.ts'
import { benchEngine, CLI_PATH, nodeStartupMs, type EngineFigures } from './engine-bench.ts'
import { hasGnuTime } from './measure.ts'
import { prepareCorpus, warmPageCache } from './prepare-corpus.ts'
import { findTools, INSTALL_HINT, runTool } from './reference-tools.ts'
import { fmtMs, renderSize, renderSummary, requestsByProvider, toJson, type SizeResult } from './report.ts'
import type { UiFigures } from './ui/index.ts'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

async function main(): Promise<number> {
  let args
  try {
    args = parseBenchArgs(process.argv.slice(2), repoRoot)
  } catch (err) {
    console.error(`bench: ${(err as Error).message}\n\n${USAGE}`)
    return 2
  }
  const sizes = args.ui === 'only' ? [] : args.sizes
  if (sizes.length > 0 && !existsSync(join(repoRoot, CLI_PATH))) {
    console.error(`bench: the TokenLedger CLI is not there yet (${CLI_PATH}). The bench times the real CLI (\`node ${CLI_PATH} daily --json --home DIR --db FILE\` and \`watch --ui-snapshot-path FILE\`).`)
    return 1
  }
  mkdirSync(args.out, { recursive: true })
  const scratch = mkdtempSync(join(tmpdir(), 'tokenledger-bench-'))
  const tools = findTools(args.toolPrefixes)
  const startupMs = nodeStartupMs(scratch)
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryBytes: totalmem(), node: process.version, platform: `${process.platform}-${process.arch}`, gnuTime: hasGnuTime }
  console.log(`TokenLedger bench · ${machine.cpus}× ${machine.cpu} · ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB · Node ${machine.node} · node startup ${fmtMs(startupMs)}`)
  if (!hasGnuTime) console.log('GNU time (/usr/bin/time) not found: CPU seconds and peak RSS are shown as —.')
  if (sizes.length > 0) for (const note of tools.notes) console.log(note)
  if (sizes.length > 0 && tools.found.length < 2) console.log(`To compare with the reference tools, install them (never saved to package.json):\n  ${INSTALL_HINT}`)

  const results: SizeResult[] = []
  try {
    for (const size of sizes) {
      console.log(`\n[${size.label}] preparing corpus…`)
      const corpus = prepareCorpus(size, args.seed, args.out, scratch, args.keep)
      const onDisk = warmPageCache(corpus.home)
      const g = corpus.generated
      const all = PROVIDER_IDS.map((id) => g[id])
      // The reference tools are run on Claude Code and Codex only: their totals are compared with those two.
      const expectedTokens = reportTokensTotal(toReportTokens(sumTotals([g.claude.expected, g.codex.expected]).tokens))
      console.log(`[${size.label}] TokenLedger: cold backfill, warm runs, ${args.appends} appends…`)
      let engine: EngineFigures | null = null
      let engineError: string | null = null
      try {
        engine = await benchEngine({ repoRoot, home: corpus.home, scratch, expected: g, appends: args.appends })
      } catch (err) {
        engineError = (err as Error).message
      }
      const toolRuns = tools.found.map((tool) => {
        console.log(`[${size.label}] ${tool.name} ${tool.version}…`)
        return { tool, runs: runTool(tool, corpus.home, scratch) }
      })
      const result: SizeResult = {
        size,
        corpus: {
          ...onDisk,
          requests: requestsByProvider(g),
          lines: all.reduce((n, p) => n + p.stats.lines, 0),
          malformedLines: all.reduce((n, p) => n + p.stats.malformedLines, 0),
          duplicateLines: all.reduce((n, p) => n + p.stats.duplicateLines, 0),
          expectedTokens,
          reused: corpus.reused,
          generateMs: corpus.generateMs,
        },
        engine,
        engineError,
        tools: toolRuns,
      }
      results.push(result)
      console.log(renderSize(result))
      if (corpus.temporary) rmSync(dirname(corpus.home), { recursive: true, force: true })
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  if (results.length > 0) console.log(renderSummary(results))
  let ui: UiFigures | null = null
  if (args.ui !== 'no') {
    // Loaded only when used: it pulls in Vite (renderer build) and Playwright.
    const { benchUi } = await import('./ui/index.ts')
    const { renderUi } = await import('./ui/report.ts')
    console.log('\n[ui] tray app: popover in Chromium over the real engine, then the idle engine…')
    ui = await benchUi({ appends: args.uiAppends, memoryAppends: args.uiMemoryAppends, historyRequests: args.uiHistory, idleSeconds: args.idleSeconds, seed: args.seed })
    console.log(renderUi(ui))
  }
  const out = join(args.out, 'results.json')
  // --ui-only updates the tray-app figures and keeps the sizes a previous full run wrote.
  const sizesJson = args.ui === 'only' ? previousSizes(out) : results.map(toJson)
  writeFileSync(out, JSON.stringify({ generatedAt: new Date().toISOString(), machine, nodeStartupMs: startupMs, seed: args.seed, sizes: sizesJson, ui }, null, 2) + '\n')
  console.log(`\nwrote ${out}`)
  return results.every((r) => r.engine?.verdict.ok === true) && (ui === null || ui.errors.length === 0) ? 0 : 1
}

function previousSizes(path: string): unknown[] {
  try {
    const previous: unknown = JSON.parse(readFileSync(path, 'utf8'))
    const sizes = typeof previous === 'object' && previous !== null && 'sizes' in previous ? previous.sizes : []
    return Array.isArray(sizes) ? sizes : []
  } catch {
    return []
  }
}

process.exitCode = await main()
