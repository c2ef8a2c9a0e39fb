import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { startEngine, type EngineProcess } from '../../e2e/harness/engine-process.ts'

/** What one thread of the engine did over the idle window. */
export interface ThreadWakeups {
  name: string
  /** Voluntary context switches: the thread slept and was woken (timer, I/O, another thread). */
  voluntary: number
  nonVoluntary: number
}

export interface EngineIdle {
  seconds: number
  /** User + system CPU of the whole process (all threads) over the window. */
  cpuMs: number
  /** Context switches of all threads; a sleeping process adds none. */
  wakeups: number
  /** Seconds of the window in which at least one thread woke: periodic timers show up here. */
  secondsWithWakeups: number
  /** Which seconds (1-based) those were, to tell a period from stray wake-ups. */
  wakeupAt: number[]
  /** Only the threads that woke. */
  threads: ThreadWakeups[]
  rssBytes: number | null
  /** From engine start to idle (backfill of the home included). */
  settleMs: number
}

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
function clockTicksPerSecond(): number {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
    return Number.isFinite(n) && n > 0 ? n : 100
  } catch {
    return 100
  }
}

/** utime + stime of the whole thread group, in ticks (fields 14 and 15; the name may hold spaces or ")"). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields[0] is field 3 (state), so field N is fields[N - 3].
  return Number(fields[11]) + Number(fields[12])
}

/** Context-switch counters per thread (/proc/<pid>/status covers only the thread it is read for). */
function threadSwitches(pid: number): Map<string, ThreadWakeups> {
  const out = new Map<string, ThreadWakeups>()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8')
      const num = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0)
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?'
      out.set(tid, { name: `${name} (${tid})`, voluntary: num('voluntary_ctxt_switches'), nonVoluntary: num('nonvoluntary_ctxt_switches') })
    } catch {
      // The thread ended between readdir and read.
    }
  }
  return out
}

const totalSwitches = (m: Map<string, ThreadWakeups>): number => [...m.values()].reduce((n, t) => n + t.voluntary + t.nonVoluntary, 0)

function rssBytes(pid: number): number | null {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m?.[1] === undefined ? null : Number(m[1]) * 1024
}

/** Waits for a 2 s window in which the process used (almost) no CPU, so backfill and JIT warm-up are over. */
async function settle(pid: number, ticksPerS: number, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs
  let last = cpuTicks(pid)
  while (performance.now() < end) {
    await sleep(2_000)
    const now = cpuTicks(pid)
    if (((now - last) * 1_000) / ticksPerS <= 10) return
    last = now
  }
}

async function waitReady(engine: EngineProcess, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs
  while (engine.latestSnapshot()?.engineState !== 'ready') {
    if (performance.now() > end) throw new Error(`engine not ready within ${timeoutMs} ms\n${engine.logTail()}`)
    await sleep(100)
  }
}

/**
 * Engine idle CPU: the app's engine process (engine/entry-node.ts, watching the home like the tray app)
 * is left alone with no file changes; its CPU time and its threads' context switches are read from
 * /proc before and after. Reading /proc does not wake the process. Linux only.
 */
export async function measureEngineIdle(home: string, seconds: number): Promise<EngineIdle> {
  if (process.platform !== 'linux') throw new Error('needs Linux /proc')
  const dataDir = mkdtempSync(join(tmpdir(), 'tokenledger-bench-idle-'))
  const t0 = performance.now()
  const engine = await startEngine({ home, dbPath: join(dataDir, 'ledger.sqlite'), timezone: 'UTC', watch: true, readyTimeoutMs: 600_000 })
  try {
    const ticksPerS = clockTicksPerSecond()
    await waitReady(engine, 600_000)
    await settle(engine.pid, ticksPerS, 60_000)
    const settleMs = performance.now() - t0
    const cpu0 = cpuTicks(engine.pid)
    const before = threadSwitches(engine.pid)
    let previous = totalSwitches(before)
    const wakeupAt: number[] = []
    for (let s = 1; s <= seconds; s++) {
      await sleep(1_000)
      const now = totalSwitches(threadSwitches(engine.pid))
      if (now > previous) wakeupAt.push(s)
      previous = now
    }
    const after = threadSwitches(engine.pid)
    const cpuMs = ((cpuTicks(engine.pid) - cpu0) * 1_000) / ticksPerS
    const threads: ThreadWakeups[] = []
    for (const [tid, t] of after) {
      const b = before.get(tid) ?? { name: t.name, voluntary: 0, nonVoluntary: 0 }
      const delta = { name: t.name, voluntary: t.voluntary - b.voluntary, nonVoluntary: t.nonVoluntary - b.nonVoluntary }
      if (delta.voluntary + delta.nonVoluntary > 0) threads.push(delta)
    }
    return {
      seconds,
      cpuMs,
      wakeups: threads.reduce((n, t) => n + t.voluntary + t.nonVoluntary, 0),
      secondsWithWakeups: wakeupAt.length,
      wakeupAt,
      threads,
      rssBytes: rssBytes(engine.pid),
      settleMs,
    }
  } finally {
    await engine.shutdown()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
