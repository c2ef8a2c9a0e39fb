import type { SourceFileRef } from '../../common/adapter-contract.ts'
import type { ParseResult } from '../../common/adapter-contract.ts'
import { parseCodexLines } from './parse.ts'
import { initialCodexState, type CodexState } from './state.ts'

/** Builders for realistic rollout lines in unit tests (placeholder text only). */

export const PARENT_ID = '019a8f2e-5c4b-7d10-9e3a-1b2c3d4e5f60'
export const CHILD_ID = '019a8f40-0000-7aaa-8bbb-ccccdddd0001'
export const GRANDCHILD_ID = '019a8f50-0000-7aaa-8bbb-ccccdddd0002'

export interface Usage {
  input_tokens: number
  cached_input_tokens: number
  output_tokens: number
  reasoning_output_tokens: number
  total_tokens: number
}

export function usage(input: number, cached: number, output: number, reasoning: number): Usage {
  return { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoning, total_tokens: input + output }
}

export function sessionMeta(id: string, ts: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    timestamp: ts,
    type: 'session_meta',
    payload: { id, timestamp: ts, cwd: '/home/dev/widget', originator: 'codex_cli_rs', cli_version: '0.58.0', instructions: null, source: 'cli', model_provider: 'openai', ...extra },
  })
}

export function turnContext(model: string, ts: string, cwd = '/home/dev/widget'): string {
  return JSON.stringify({
    timestamp: ts,
    type: 'turn_context',
    payload: { cwd, approval_policy: 'on-request', sandbox_policy: { mode: 'workspace-write' }, model, effort: 'medium', summary: 'auto' },
  })
}

export function tokenCount(ts: string, total: Usage | null, last: Usage | null, rateLimits: unknown = null): string {
  const info = total === null || last === null ? null : { total_token_usage: total, last_token_usage: last, model_context_window: 272000 }
  return JSON.stringify({ timestamp: ts, type: 'event_msg', payload: { type: 'token_count', info, rate_limits: rateLimits } })
}

export function responseItem(ts: string, text: string): string {
  return JSON.stringify({ timestamp: ts, type: 'response_item', payload: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] } })
}

export function agentMessage(ts: string, message: string): string {
  return JSON.stringify({ timestamp: ts, type: 'event_msg', payload: { type: 'agent_message', message } })
}

export function bytesOf(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''))
}

export function fileRef(path: string, account = '/home/dev/.codex'): SourceFileRef {
  return { path, root: { dir: `${account}/sessions`, account } }
}

export function rolloutPath(id: string, dir = '/home/dev/.codex/sessions/2026/11/20'): string {
  return `${dir}/rollout-2026-11-20T09-15-02-${id}.jsonl`
}

/** Parses a whole file from byte 0. */
export function parseAll(lines: readonly string[], file: SourceFileRef = fileRef(rolloutPath(PARENT_ID))): ParseResult<CodexState> {
  return parseCodexLines(bytesOf(lines), 0, file, initialCodexState(file))
}
