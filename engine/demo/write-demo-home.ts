import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRng, type Rng } from './rng.ts'

/**
 * Writes a demo home: 30 days of Claude Code and Codex CLI logs in their real on-disk formats, dated
 * relative to `nowMs`, deterministic for a given `nowMs`. Used by `tokenledger --demo` and as the
 * browser tests' fixture home. Only placeholder text: no real prompts.
 */
export function writeDemoHome(dir: string, nowMs: number, days = 30): void {
  const rng = createRng(20261123)
  const rand = (): number => rng.next()
  const hour = 3_600_000
  const dayStart = Math.floor(nowMs / (24 * hour)) * 24 * hour
  for (let d = days - 1; d >= 0; d--) {
    const base = dayStart - d * 24 * hour
    if (rand() < 0.15 && d > 0) continue // some days off
    // Claude Code: one or two sessions a day in two projects.
    const sessions = 1 + Math.floor(rand() * 2)
    for (let s = 0; s < sessions; s++) {
      const project = s === 0 ? '/home/demo/code/shop' : '/home/demo/code/api'
      const start = Math.min(base + (9 + s * 4 + rand() * 2) * hour, nowMs - 20 * 60_000)
      writeClaudeSession(dir, project, start, 6 + Math.floor(rand() * 12), rng, d * 10 + s)
    }
    if (rand() < 0.7 || d === 0) {
      const start = Math.min(base + (14 + rand() * 3) * hour, nowMs - 10 * 60_000)
      writeCodexSession(dir, start, 4 + Math.floor(rand() * 8), rng, d, nowMs)
    }
  }
}

function writeClaudeSession(dir: string, project: string, startMs: number, requests: number, rng: Rng, n: number): void {
  const rand = (): number => rng.next()
  const sessionId = rng.uuid()
  const folder = join(dir, '.claude', 'projects', project.replace(/[\\/]/g, '-'))
  mkdirSync(folder, { recursive: true })
  const model = n % 3 === 0 ? 'claude-opus-4-1-20250805' : 'claude-sonnet-4-5-20250929'
  const lines: string[] = []
  let t = startMs
  let context = 12_000
  for (let i = 0; i < requests; i++) {
    const uuidUser = rng.uuid()
    lines.push(JSON.stringify({ parentUuid: null, isSidechain: false, userType: 'external', cwd: project, sessionId, version: '2.0.14', type: 'user', message: { role: 'user', content: 'placeholder prompt' }, uuid: uuidUser, timestamp: new Date(t).toISOString() }))
    t += 4000 + Math.floor(rand() * 20_000)
    const write = Math.floor(rand() * 4000)
    const usage = {
      input_tokens: 4 + Math.floor(rand() * 40),
      cache_creation_input_tokens: write,
      cache_read_input_tokens: context,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: write },
      output_tokens: 80 + Math.floor(rand() * 900),
      service_tier: 'standard',
    }
    context += write
    const msgId = `msg_demo${n}_${i}_${Math.floor(rand() * 1e9)}`
    const reqId = `req_demo${n}_${i}_${Math.floor(rand() * 1e9)}`
    // Streamed copies: an early copy with a partial output count, then the final one.
    for (const output of [Math.min(8, usage.output_tokens), usage.output_tokens]) {
      lines.push(JSON.stringify({ parentUuid: uuidUser, isSidechain: false, userType: 'external', cwd: project, sessionId, version: '2.0.14', message: { id: msgId, type: 'message', role: 'assistant', model, content: [{ type: 'text', text: 'placeholder answer' }], usage: { ...usage, output_tokens: output } }, requestId: reqId, type: 'assistant', uuid: rng.uuid(), timestamp: new Date(t).toISOString() }))
    }
    t += 30_000 + Math.floor(rand() * 120_000)
  }
  writeFileSync(join(folder, `${sessionId}.jsonl`), lines.join('\n') + '\n')
}

function writeCodexSession(dir: string, startMs: number, turns: number, rng: Rng, n: number, nowMs: number): void {
  const rand = (): number => rng.next()
  const id = rng.uuid()
  const start = new Date(startMs)
  const y = start.getUTCFullYear()
  const mo = String(start.getUTCMonth() + 1).padStart(2, '0')
  const d = String(start.getUTCDate()).padStart(2, '0')
  const folder = join(dir, '.codex', 'sessions', String(y), mo, d)
  mkdirSync(folder, { recursive: true })
  const stamp = start.toISOString().slice(0, 19).replace(/:/g, '-')
  const cwd = '/home/demo/code/api'
  const model = n % 4 === 0 ? 'gpt-5' : 'gpt-5-codex'
  const lines: string[] = [
    JSON.stringify({ timestamp: start.toISOString(), type: 'session_meta', payload: { id, timestamp: start.toISOString(), cwd, originator: 'codex_cli_rs', cli_version: '0.58.0', source: 'cli', model_provider: 'openai' } }),
    JSON.stringify({ timestamp: start.toISOString(), type: 'turn_context', payload: { cwd, approval_policy: 'on-request', sandbox_policy: { mode: 'workspace-write' }, model, effort: 'medium', summary: 'auto' } }),
  ]
  const total = { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0, total_tokens: 0 }
  let t = startMs
  for (let i = 0; i < turns; i++) {
    t += 20_000 + Math.floor(rand() * 90_000)
    const input = 8000 + Math.floor(rand() * 30_000)
    const cached = Math.floor(input * (0.5 + rand() * 0.4))
    const output = 200 + Math.floor(rand() * 2500)
    const reasoning = Math.floor(output * rand() * 0.6)
    const last = { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoning, total_tokens: input + output }
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += last[k]
    const rateLimits = {
      primary: { used_percent: Math.min(99, 20 + i * 6), window_minutes: 300, resets_at: Math.floor((nowMs + 2 * 3_600_000) / 1000) },
      secondary: { used_percent: 18 + n % 10, window_minutes: 10080, resets_at: Math.floor((nowMs + 4 * 86_400_000) / 1000) },
      plan_type: 'plus',
    }
    lines.push(JSON.stringify({ timestamp: new Date(t).toISOString(), type: 'response_item', payload: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'placeholder' }] } }))
    const event = { timestamp: new Date(t).toISOString(), type: 'event_msg', payload: { type: 'token_count', info: { total_token_usage: { ...total }, last_token_usage: last, model_context_window: 272000 }, rate_limits: rateLimits } }
    lines.push(JSON.stringify(event))
    // Codex re-emits token_count with unchanged totals: must not count twice.
    if (rand() < 0.4) lines.push(JSON.stringify({ ...event, timestamp: new Date(t + 900).toISOString() }))
  }
  writeFileSync(join(folder, `rollout-${stamp}-${id}.jsonl`), lines.join('\n') + '\n')
}
