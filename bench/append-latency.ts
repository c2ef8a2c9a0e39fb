import { spawn } from 'node:child_process'
import { appendFileSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { assistant, userPrompt, type Envelope } from './corpus/claude-lines.ts'
import { livePeakRssBytes, percentile } from './measure.ts'
import { APPEND_PROJECT } from './prepare-corpus.ts'

/**
 * Append → snapshot latency: runs `watch --ui-snapshot-path`, appends one Claude assistant line at a
 * time to a session file (created before the watcher starts, so this measures pure appends), and times
 * until the snapshot file shows the new request. The snapshot directory is watched with fs.watch (plus a
 * 25 ms poll as a safety net), so the measured time is the engine's, not a polling interval.
 */
export interface AppendLatency {
  /** Spawn of `watch` until its first snapshot file (a warm start over the whole corpus). */
  startupMs: number | null
  samples: number[]
  timeouts: number
  p50: number | null
  p95: number | null
  max: number | null
  /** Peak RSS of the watch process (Linux VmHWM), read just before it is stopped. */
  peakRssBytes: number | null
  error: string | null
}

export interface AppendOptions {
  repoRoot: string
  cli: string
  home: string
  db: string
  scratch: string
  appends: number
  spacingMs?: number
  timeoutMs?: number
}

interface SnapshotCounts {
  todayRequests: number
  claudeEvents: number
}

function readCounts(path: string): SnapshotCounts | null {
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as { today?: { requests?: number }; sources?: Array<{ provider?: string; events?: number }> }
    const claudeEvents = (s.sources ?? []).filter((x) => x.provider === 'claude').reduce((n, x) => n + (x.events ?? 0), 0)
    return { todayRequests: s.today?.requests ?? 0, claudeEvents }
  } catch {
    return null
  }
}

/** Wakes on any change in `dir`, re-checking `pred`; a short poll covers missed events. */
function dirWaiter(dir: string): { until(pred: () => boolean, timeoutMs: number): Promise<boolean>; close(): void } {
  let wake: (() => void) | null = null
  const watcher = watch(dir, () => wake?.())
  return {
    async until(pred, timeoutMs) {
      const end = performance.now() + timeoutMs
      for (;;) {
        if (pred()) return true
        const left = end - performance.now()
        if (left <= 0) return false
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.min(left, 25))
          wake = () => {
            clearTimeout(t)
            resolve()
          }
        })
        wake = null
      }
    },
    close: () => watcher.close(),
  }
}

const ENV: Envelope = { cwd: '/home/dev/code/bench-append', sessionId: '00000000-0000-4000-8000-0000000be4c0', version: '2.0.37', gitBranch: 'main', isSidechain: false, agentId: null }

function appendLine(i: number): string {
  const usage = { input_tokens: 3, cache_creation_input_tokens: 120, cache_read_input_tokens: 24_000, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 120 }, output_tokens: 40 + i, service_tier: 'standard' as const }
  const id = `${process.pid}${String(i).padStart(6, '0')}${Date.now()}`
  const block = { type: 'text', text: `append ${i}` }
  return JSON.stringify(assistant(ENV, null, `bench-${id}`, Date.now(), { messageId: `msg_01bench${id}`, requestId: `req_011Cbench${id}`, model: 'claude-sonnet-4-5-20250929', block, usage, final: true }))
}

export async function measureAppendLatency(o: AppendOptions): Promise<AppendLatency> {
  const spacingMs = o.spacingMs ?? 100
  const timeoutMs = o.timeoutMs ?? 10_000
  const projectDir = join(o.home, '.claude', 'projects', APPEND_PROJECT)
  const file = join(projectDir, `${ENV.sessionId}.jsonl`)
  const snapDir = join(o.scratch, 'snapshot')
  const snapshot = join(snapDir, 'ui-snapshot.json')
  rmSync(snapDir, { recursive: true, force: true })
  mkdirSync(snapDir, { recursive: true })
  mkdirSync(projectDir, { recursive: true })
  writeFileSync(file, JSON.stringify(userPrompt(ENV, null, 'bench-prompt', Date.now(), 'benchmark appends follow')) + '\n')

  const result: AppendLatency = { startupMs: null, samples: [], timeouts: 0, p50: null, p95: null, max: null, peakRssBytes: null, error: null }
  const waiter = dirWaiter(snapDir)
  const t0 = performance.now()
  const child = spawn(process.execPath, [o.cli, 'watch', '--home', o.home, '--db', o.db, '--tz', 'UTC', '--ui-snapshot-path', snapshot], { cwd: o.repoRoot, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4_000)))
  const proc = { exited: false }
  const exit = new Promise<void>((resolve) => child.on('exit', () => ((proc.exited = true), resolve())))
  try {
    if (!(await waiter.until(() => proc.exited || readCounts(snapshot) !== null, 600_000)) || proc.exited) {
      result.error = `watch did not write ${snapshot}${proc.exited ? ' (it exited)' : ''}: ${stderr.trim().slice(-600)}`
      return result
    }
    result.startupMs = performance.now() - t0
    // The first snapshot may be written before the file watcher is armed; an append in between would
    // measure start-up, not steady state. Wait for the CLI's "Watching …" notice (or 2 s), then settle.
    await waiter.until(() => stderr.includes('Watching') || proc.exited, 2_000)
    await sleep(200)
    const base = readCounts(snapshot) ?? { todayRequests: 0, claudeEvents: 0 }
    for (let i = 1; i <= o.appends && result.timeouts < 3 && !proc.exited; i++) {
      const start = performance.now()
      appendFileSync(file, appendLine(i) + '\n')
      const seen = await waiter.until(() => {
        const c = readCounts(snapshot)
        return c !== null && (c.todayRequests >= base.todayRequests + i || c.claudeEvents >= base.claudeEvents + i)
      }, timeoutMs)
      const ms = performance.now() - start
      if (seen) result.samples.push(ms)
      else result.timeouts++
      await sleep(Math.max(0, spacingMs - ms))
    }
    if (result.timeouts > 0) result.error = `${result.timeouts} append(s) not seen in the snapshot within ${timeoutMs} ms`
    if (proc.exited) result.error = `watch exited during the test: ${stderr.trim().slice(-600)}`
    result.peakRssBytes = livePeakRssBytes(child.pid ?? -1)
  } finally {
    waiter.close()
    child.kill('SIGTERM')
    const stopped = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)])
    if (!stopped) child.kill('SIGKILL')
    rmSync(projectDir, { recursive: true, force: true })
  }
  result.p50 = result.samples.length ? percentile(result.samples, 50) : null
  result.p95 = result.samples.length ? percentile(result.samples, 95) : null
  result.max = result.samples.length ? Math.max(...result.samples) : null
  return result
}
