import type { Filler } from './filler.ts'
import type { Rng } from './prng.ts'

/**
 * Builders for Claude Code transcript lines (agent-formats.md §3): the envelope every line carries and the
 * line types a reader meets. They return objects; the session writer serializes them.
 */
export interface Envelope {
  cwd: string
  sessionId: string
  version: string
  gitBranch: string
  isSidechain: boolean
  agentId: string | null
}

export interface ClaudeUsage {
  input_tokens: number | string
  cache_creation_input_tokens: number
  cache_read_input_tokens: number | null
  cache_creation?: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number }
  output_tokens: number | string
  service_tier: 'standard'
}

type Json = Record<string, unknown>

function base(env: Envelope, parentUuid: string | null, uuid: string): Json {
  const line: Json = { parentUuid, isSidechain: env.isSidechain, userType: 'external', cwd: env.cwd, sessionId: env.sessionId }
  line['version'] = env.version
  line['gitBranch'] = env.gitBranch
  if (env.agentId !== null) line['agentId'] = env.agentId
  line['uuid'] = uuid
  return line
}

export function userPrompt(env: Envelope, parent: string | null, uuid: string, ts: number, text: string): Json {
  return { ...base(env, parent, uuid), type: 'user', message: { role: 'user', content: text }, timestamp: iso(ts) }
}

export function toolResult(
  env: Envelope,
  parent: string | null,
  uuid: string,
  ts: number,
  toolUseId: string,
  output: string,
  toolUseResult: Json,
): Json {
  return {
    ...base(env, parent, uuid),
    type: 'user',
    message: { role: 'user', content: [{ tool_use_id: toolUseId, type: 'tool_result', content: output, is_error: false }] },
    timestamp: iso(ts),
    toolUseResult,
  }
}

export interface AssistantParts {
  messageId: string
  requestId: string
  model: string
  block: Json
  usage: ClaudeUsage
  final: boolean
}

export function assistant(env: Envelope, parent: string | null, uuid: string, ts: number, p: AssistantParts): Json {
  return {
    ...base(env, parent, uuid),
    message: {
      id: p.messageId,
      type: 'message',
      role: 'assistant',
      model: p.model,
      content: [p.block],
      stop_reason: p.final && p.block['type'] !== 'tool_use' ? 'end_turn' : null,
      stop_sequence: null,
      usage: p.usage,
    },
    requestId: p.requestId,
    type: 'assistant',
    timestamp: iso(ts),
  }
}

/** A local error notice: model `<synthetic>`, zero usage. Not a billable request. */
export function syntheticError(env: Envelope, parent: string | null, uuid: string, ts: number, rng: Rng): Json {
  const usage: ClaudeUsage = {
    input_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: 0,
    service_tier: 'standard',
  }
  const block = { type: 'text', text: 'API Error: 529 {"type":"error","error":{"type":"overloaded_error"}}' }
  return {
    ...assistant(env, parent, uuid, ts, { messageId: rng.uuid(), requestId: '', model: '<synthetic>', block, usage, final: true }),
    isApiErrorMessage: true,
  }
}

/** The parent transcript's mirror of a subagent's assistant line (`progress` / `agent_progress`). */
export function agentProgress(env: Envelope, parent: string | null, uuid: string, ts: number, mirrored: Json): Json {
  return {
    ...base(env, parent, uuid),
    type: 'progress',
    data: { type: 'agent_progress', message: mirrored, prompt: '', agentId: mirrored['agentId'] },
    toolUseID: 'agent_msg_' + uuid.slice(0, 8),
    parentToolUseID: 'toolu_' + uuid.slice(9, 13),
    timestamp: iso(ts),
  }
}

export function summaryLine(rng: Rng, filler: Filler): Json {
  return { type: 'summary', summary: filler.text(rng, rng.int(20, 80)), leafUuid: rng.uuid() }
}

export function fileHistorySnapshot(rng: Rng, ts: number): Json {
  const messageId = rng.uuid()
  const backups: Json = {}
  for (let i = rng.int(0, 4); i > 0; i--) {
    backups[`src/${rng.hex(6)}.ts`] = { backupFileName: `${rng.hex(16)}@v${rng.int(1, 5)}`, version: rng.int(1, 5), backupTime: iso(ts) }
  }
  return {
    type: 'file-history-snapshot',
    messageId,
    snapshot: { messageId, trackedFileBackups: backups, timestamp: iso(ts) },
    isSnapshotUpdate: rng.chance(0.3),
  }
}

export function iso(ts: number): string {
  return new Date(ts).toISOString()
}
