import type { Filler } from './filler.ts'
import type { Rng } from './prng.ts'

/** Builders for Codex rollout lines (agent-formats.md §4.2): `{timestamp, type, payload}`. */
type Json = Record<string, unknown>

export interface CodexUsage {
  input_tokens: number
  cached_input_tokens: number
  output_tokens: number
  reasoning_output_tokens: number
  total_tokens: number
}

export interface RateLimits {
  primary: { used_percent: number; window_minutes: number; resets_at: number }
  secondary: { used_percent: number; window_minutes: number; resets_at: number }
  credits: null
  plan_type: string
}

export function rollout(ts: number, type: string, payload: Json): Json {
  return { timestamp: new Date(ts).toISOString(), type, payload }
}

export function sessionMeta(rng: Rng, filler: Filler, ts: number, id: string, cwd: string): Json {
  return rollout(ts, 'session_meta', {
    id,
    timestamp: new Date(ts).toISOString(),
    cwd,
    originator: 'codex_cli_rs',
    cli_version: rng.pick(['0.46.0', '0.58.0', '0.63.0']),
    instructions: filler.text(rng, rng.int(1_000, 6_000)),
    source: 'cli',
    model_provider: 'openai',
    git: { commit_hash: rng.hex(40), branch: 'main', repository_url: 'git@github.com:dev/project.git' },
  })
}

export function turnContext(ts: number, cwd: string, model: string, effort: string): Json {
  return rollout(ts, 'turn_context', {
    cwd,
    approval_policy: 'on-request',
    sandbox_policy: { mode: 'workspace-write', network_access: false, exclude_tmpdir_env_var: false, exclude_slash_tmp: false },
    model,
    effort,
    summary: 'auto',
  })
}

export function tokenCount(
  ts: number,
  info: { total: CodexUsage; last: CodexUsage } | null,
  rateLimits: RateLimits | null,
): Json {
  return rollout(ts, 'event_msg', {
    type: 'token_count',
    info: info === null ? null : { total_token_usage: info.total, last_token_usage: info.last, model_context_window: 272_000 },
    rate_limits: rateLimits,
  })
}

export function reasoning(rng: Rng, filler: Filler, ts: number): Json {
  return rollout(ts, 'response_item', {
    type: 'reasoning',
    summary: [{ type: 'summary_text', text: filler.text(rng, rng.int(40, 400)) }],
    content: null,
    encrypted_content: filler.blob(rng, rng.int(300, 2_000)),
  })
}

export function functionCall(rng: Rng, filler: Filler, ts: number, callId: string): Json {
  const args = JSON.stringify({ command: ['bash', '-lc', filler.text(rng, rng.int(10, 200))], workdir: '/home/dev/code' })
  return rollout(ts, 'response_item', { type: 'function_call', name: 'shell', arguments: args, call_id: callId })
}

export function functionOutput(rng: Rng, filler: Filler, ts: number, callId: string): Json {
  const len = rng.chance(0.001) ? rng.int(64_000, 200_000) : rng.chance(0.7) ? rng.int(40, 600) : rng.int(600, 3_000)
  const output = JSON.stringify({ output: filler.text(rng, len), metadata: { exit_code: 0, duration_seconds: rng.int(1, 900) / 100 } })
  return rollout(ts, 'response_item', { type: 'function_call_output', call_id: callId, output })
}

export function message(ts: number, role: 'user' | 'assistant', text: string): Json {
  const kind = role === 'user' ? 'input_text' : 'output_text'
  return rollout(ts, 'response_item', { type: 'message', role, content: [{ type: kind, text }] })
}

export function event(ts: number, payload: Json): Json {
  return rollout(ts, 'event_msg', payload)
}
