import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Runs a child to completion and measures it. Wall time is taken around the spawn; CPU (user+sys) and
 * peak RSS come from GNU time (`/usr/bin/time -f`), which reads the child's rusage from wait4(), so they
 * cover the whole process (worker threads and waited-for children included) without instrumenting it.
 * Without GNU time (macOS, minimal containers) CPU and RSS are reported as unknown (null).
 */
export interface RunResult {
  wallMs: number
  /** User + system CPU seconds; null without GNU time. */
  cpuS: number | null
  /** Peak resident set size in bytes; null without GNU time. */
  peakRssBytes: number | null
  status: number | null
  stdout: string
  stderr: string
}

const GNU_TIME = '/usr/bin/time'

export const hasGnuTime = process.platform === 'linux' && existsSync(GNU_TIME)

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Scratch directory for GNU time's report file. */
  scratch: string
}

export function measure(cmd: string, args: readonly string[], opts: RunOptions): RunResult {
  const report = join(opts.scratch, `time-${process.pid}-${Date.now()}.txt`)
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', report, cmd, ...args]] : [cmd, [...args]]
  const t0 = performance.now()
  const r = spawnSync(file, argv, { env: opts.env ?? process.env, cwd: opts.cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
  const wallMs = performance.now() - t0
  let cpuS: number | null = null
  let peakRssBytes: number | null = null
  if (hasGnuTime && existsSync(report)) {
    // GNU time prefixes "Command exited with non-zero status N" on failure: the figures are the last line.
    const last = readFileSync(report, 'utf8').trim().split('\n').at(-1) ?? ''
    const [user, sys, rssKb] = last.split(' ').map(Number)
    if (user !== undefined && sys !== undefined && rssKb !== undefined && [user, sys, rssKb].every(Number.isFinite)) {
      cpuS = user + sys
      peakRssBytes = rssKb * 1024
    }
    rmSync(report, { force: true })
  }
  if (r.error) return { wallMs, cpuS, peakRssBytes, status: null, stdout: '', stderr: String(r.error) }
  return { wallMs, cpuS, peakRssBytes, status: r.status, stdout: r.stdout, stderr: r.stderr }
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[idx] ?? Number.NaN
}

/** Peak RSS of a live process (Linux `VmHWM`), for long-running children we stop with a signal. */
export function livePeakRssBytes(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m?.[1] === undefined ? null : Number(m[1]) * 1024
  } catch {
    return null
  }
}
