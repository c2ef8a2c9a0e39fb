import { fmtMb, fmtMs, table } from '../report.ts'
import type { Stage } from './append-to-paint.ts'
import type { UiFigures } from './index.ts'

/** The tray app's budget (user-needs §3.4: users measure tray apps' idle cost and memory creep). */
export const UI_TARGETS = {
  appendPaintedP95Ms: 100,
  numbersShownMs: 250,
  /** From 25 % to the end of the simulated hour, after GC: above this, something is kept per snapshot. */
  heapGrowthBytes: 1024 * 1024,
  /** Share of one core while idle: 0.1 % = 60 ms per minute. */
  idleCpuShare: 0.001,
}

const fmtStage = (s: Stage | undefined): string => (s === undefined || s.p50 === null ? '—' : `${fmtMs(s.p50)} / ${fmtMs(s.p95)} (max ${fmtMs(s.max)})`)
const fmtKb = (b: number | null): string => (b === null ? '—' : `${b >= 0 ? '+' : '−'}${(Math.abs(b) / 1024).toFixed(0)} KB`)
const fmtMsFine = (ms: number | null): string => (ms === null ? '—' : `${ms.toFixed(1)} ms`)

export function renderUi(f: UiFigures): string {
  const lines = [`\n== tray app: popover in ${f.chromium === null ? 'Chromium (skipped)' : `Chromium ${f.chromium}`} over the real engine · home: e2e fixture + ${f.historyRequests.toLocaleString('en-US')} requests of history ==`]
  if (f.browserSkipped !== null) lines.push(f.browserSkipped)
  const rows: string[][] = [['', 'TokenLedger']]
  const a = f.appendToPaint
  if (a !== null) {
    rows.push([`append -> snapshot at main, p50 / p95`, fmtStage(a.snapshot)])
    rows.push([`append -> snapshot in the page, p50 / p95`, fmtStage(a.received)])
    rows.push([`append -> popover DOM, p50 / p95`, fmtStage(a.dom)])
    rows.push([`append -> popover painted, p50 / p95`, `${fmtStage(a.painted)} n=${a.samples.length}, clock ±${fmtMsFine(a.clockUncertaintyMs)}`])
    rows.push(['  one snapshot over the bridge', a.snapshotBytes === null ? '—' : `${(a.snapshotBytes / 1024).toFixed(1)} KB of JSON`])
  }
  const p = f.firstPaint?.median
  if (p !== undefined) {
    rows.push(['open -> first paint / FCP (median of 5)', `${fmtMsFine(p.firstPaintMs)} / ${fmtMsFine(p.firstContentfulPaintMs)}`])
    rows.push(['open -> numbers shown / painted', `${fmtMsFine(p.numbersDomMs)} / ${fmtMsFine(p.numbersPaintedMs)} (load event ${fmtMsFine(p.loadMs)})`])
  }
  const m = f.rendererMemory
  if (m !== null) {
    const heap = m.samples.map((s) => `${Math.round(s.progress * 100)}% ${fmtMb(s.jsHeapUsedBytes)}`).join(', ')
    rows.push([`renderer JS heap after GC (${m.appends} appends = 1 h at ${m.cadenceS} s)`, heap])
    rows.push(['  growth: whole hour / from 25 % on', `${fmtKb(m.growthBytes)} / ${fmtKb(m.steadyGrowthBytes)} (${m.samples.map((s) => s.jsHeapUsedBytes).join(' -> ')} bytes; ${fmtMs(m.wallMs)} wall)`])
    rows.push(['  DOM nodes / listeners', m.samples.map((s) => `${s.domNodes}/${s.eventListeners}`).join(' -> ')])
  }
  const i = f.engineIdle
  if (i !== null) {
    rows.push([`engine idle CPU over ${i.seconds} s`, `${i.cpuMs.toFixed(0)} ms (${((i.cpuMs / (i.seconds * 1_000)) * 100).toFixed(3)} % of a core), RSS ${fmtMb(i.rssBytes)}`])
    const at = i.wakeupAt.length === 0 ? '' : ` (at s ${i.wakeupAt.slice(0, 12).join(', ')}${i.wakeupAt.length > 12 ? ', …' : ''})`
    const who = i.threads.length === 0 ? '' : `; ${i.threads.map((t) => `${t.name} ${t.voluntary + t.nonVoluntary}`).join(', ')}`
    rows.push(['  wake-ups (context switches)', `${i.wakeups} in ${i.secondsWithWakeups} of ${i.seconds} s${at}${who}`])
  }
  if (rows.length > 1) lines.push(table(rows))
  const misses = uiTargetMisses(f)
  if (rows.length > 1) lines.push(misses.length === 0 ? 'tray-app targets: all met' : `tray-app targets missed: ${misses.join('; ')}`)
  lines.push(...f.errors.map((e) => `  FAILED ${e}`))
  return lines.join('\n')
}

export function uiTargetMisses(f: UiFigures): string[] {
  const t = UI_TARGETS
  const misses: string[] = []
  const painted = f.appendToPaint?.painted.p95 ?? null
  if (f.appendToPaint && (painted === null || painted >= t.appendPaintedP95Ms)) misses.push(`append -> painted p95 >= ${t.appendPaintedP95Ms} ms`)
  const shown = f.firstPaint?.median.numbersPaintedMs ?? null
  if (f.firstPaint && (shown === null || shown >= t.numbersShownMs)) misses.push(`numbers painted >= ${t.numbersShownMs} ms after open`)
  const growth = f.rendererMemory?.steadyGrowthBytes ?? null
  if (f.rendererMemory && (growth === null || growth >= t.heapGrowthBytes)) misses.push(`renderer heap grew >= ${t.heapGrowthBytes / 1024} KB after the first 25 %`)
  const idle = f.engineIdle
  if (idle && idle.cpuMs >= idle.seconds * 1_000 * t.idleCpuShare) misses.push(`idle CPU >= ${t.idleCpuShare * 100} %`)
  return misses
}
