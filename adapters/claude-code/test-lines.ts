import type { SourceFileRef } from '../../common/adapter-contract.ts'
import { parseLines } from './parse.ts'

/** Test helpers: realistic Claude Code transcript lines (real field names and order, placeholder text). */

export const ROOT = { dir: '/home/dev/.claude/projects', account: '/home/dev/.claude' }
export const SESSION = '3f1c2a9e-5b7d-4e2a-9c1f-0a1b2c3d4e5f'
export const MAIN_FILE: SourceFileRef = { path: `${ROOT.dir}/-home-dev-shop/${SESSION}.jsonl`, root: ROOT }

export interface UsageFields {
  input_tokens?: number | null
  output_tokens?: number | null
  cache_read_input_tokens?: number | null
  cache_creation_input_tokens?: number | null
  cache_creation?: Record<string, number | null> | null
  speed?: string
}

export interface AssistantOpts {
  id?: string | undefined
  requestId?: string | null | undefined
  uuid?: string | undefined
  model?: string
  usage?: UsageFields | string
  timestamp?: string
  sessionId?: string | undefined
  cwd?: string | null | undefined
  isSidechain?: boolean
  costUSD?: number | null
  text?: string
}

const DEFAULT_USAGE: UsageFields = {
  input_tokens: 3,
  cache_creation_input_tokens: 1200,
  cache_read_input_tokens: 14000,
  cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 1200 },
  output_tokens: 180,
}

/** `undefined` in opts removes the field (JSON.stringify drops it). */
export function assistantLine(o: AssistantOpts = {}): string {
  const has = (k: keyof AssistantOpts): boolean => Object.hasOwn(o, k)
  return JSON.stringify({
    parentUuid: 'b0b0b0b0-0000-4000-8000-000000000001',
    isSidechain: o.isSidechain ?? false,
    userType: 'external',
    cwd: has('cwd') ? o.cwd : '/home/dev/shop',
    sessionId: has('sessionId') ? o.sessionId : SESSION,
    version: '2.0.14',
    gitBranch: 'main',
    message: {
      model: o.model ?? 'claude-sonnet-4-5-20250929',
      id: has('id') ? o.id : 'msg_01AAAA',
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: o.text ?? 'placeholder' }],
      stop_reason: null,
      stop_sequence: null,
      usage: o.usage === undefined ? { ...DEFAULT_USAGE, service_tier: 'standard' } : o.usage,
    },
    requestId: has('requestId') ? o.requestId : 'req_011AAAA',
    type: 'assistant',
    uuid: has('uuid') ? o.uuid : 'c1c1c1c1-0000-4000-8000-000000000001',
    timestamp: o.timestamp ?? '2025-10-01T09:00:01.234Z',
    ...(has('costUSD') ? { costUSD: o.costUSD } : {}),
  })
}

export function userLine(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    parentUuid: null,
    isSidechain: false,
    userType: 'external',
    cwd: '/home/dev/shop',
    sessionId: SESSION,
    version: '2.0.14',
    gitBranch: 'main',
    type: 'user',
    message: { role: 'user', content: 'placeholder prompt' },
    uuid: 'a0a0a0a0-0000-4000-8000-000000000001',
    timestamp: '2025-10-01T09:00:00.000Z',
    ...extra,
  })
}

export function progressMirror(innerAssistantLine: string): string {
  const inner = JSON.parse(innerAssistantLine) as Record<string, unknown>
  return JSON.stringify({
    parentUuid: 'b0b0b0b0-0000-4000-8000-000000000001',
    isSidechain: false,
    userType: 'external',
    cwd: '/home/dev/shop',
    sessionId: SESSION,
    version: '2.1.3',
    gitBranch: 'main',
    type: 'progress',
    data: {
      message: { type: 'assistant', message: inner['message'], requestId: inner['requestId'], uuid: inner['uuid'], timestamp: inner['timestamp'] },
      normalizedMessages: [],
      type: 'agent_progress',
      prompt: '',
      agentId: 'a1b2c3d',
    },
    toolUseID: 'agent_msg_01XYZ',
    parentToolUseID: 'toolu_01TASK',
    uuid: 'd0d0d0d0-0000-4000-8000-000000000001',
    timestamp: '2025-10-01T09:00:05.000Z',
  })
}

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Parses `lines` as one newline-terminated range starting at `baseOffset`. */
export function parse(lines: readonly string[], file: SourceFileRef = MAIN_FILE, baseOffset = 0): ReturnType<typeof parseLines> {
  return parseLines(encode(lines.map((l) => `${l}\n`).join('')), baseOffset, file, null)
}
