/**
 * Line builders in the agents' real on-disk shapes (agent-formats.md §3.4 for Claude Code, §4.2–4.5 for
 * Codex CLI). Prompt and response text are placeholders: the ledger must never need them.
 */

export interface ClaudeUsage {
  readonly input: number
  readonly output: number
  readonly cacheRead: number
  readonly cacheWrite5m: number
  readonly cacheWrite1h: number
}

export interface ClaudeRequest {
  readonly timestamp: string
  readonly sessionId: string
  readonly cwd: string
  readonly model: string
  readonly messageId: string
  readonly requestId: string
  readonly uuid: string
  readonly usage: ClaudeUsage
}

export function claudeUserLine(r: Pick<ClaudeRequest, 'timestamp' | 'sessionId' | 'cwd' | 'uuid'>): string {
  return JSON.stringify({
    parentUuid: null,
    isSidechain: false,
    userType: 'external',
    cwd: r.cwd,
    sessionId: r.sessionId,
    version: '2.0.14',
    gitBranch: 'main',
    type: 'user',
    message: { role: 'user', content: '(prompt text not kept in fixtures)' },
    uuid: `u-${r.uuid}`,
    timestamp: r.timestamp,
  })
}

/** One streamed content block of an assistant response; every block repeats the response's usage. */
export function claudeAssistantLine(r: ClaudeRequest): string {
  const u = r.usage
  return JSON.stringify({
    parentUuid: `u-${r.uuid}`,
    isSidechain: false,
    userType: 'external',
    cwd: r.cwd,
    sessionId: r.sessionId,
    version: '2.0.14',
    gitBranch: 'main',
    message: {
      id: r.messageId,
      type: 'message',
      role: 'assistant',
      model: r.model,
      content: [{ type: 'text', text: '(response text not kept in fixtures)' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: u.input,
        cache_creation_input_tokens: u.cacheWrite5m + u.cacheWrite1h,
        cache_read_input_tokens: u.cacheRead,
        cache_creation: { ephemeral_5m_input_tokens: u.cacheWrite5m, ephemeral_1h_input_tokens: u.cacheWrite1h },
        output_tokens: u.output,
        service_tier: 'standard',
      },
    },
    requestId: r.requestId,
    type: 'assistant',
    uuid: r.uuid,
    timestamp: r.timestamp,
  })
}

/**
 * One Claude Code request of Sonnet 4.5 with 1,000,000 output tokens and nothing else: $15.00 at list
 * price, an easy figure to check in reports and budgets. `id` makes its message, request and line ids.
 */
export function claudeFifteenDollarLine(id: string, timestamp: string, sessionId = 's1'): string {
  return claudeAssistantLine({
    timestamp,
    sessionId,
    cwd: '/work/app',
    model: 'claude-sonnet-4-5-20250929',
    messageId: `msg_${id}`,
    requestId: `req_${id}`,
    uuid: id,
    usage: { input: 0, output: 1_000_000, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 },
  })
}

export interface CodexUsage {
  readonly input_tokens: number
  readonly cached_input_tokens: number
  readonly output_tokens: number
  readonly reasoning_output_tokens: number
  readonly total_tokens: number
}

export interface CodexRateWindow {
  readonly used_percent: number
  readonly window_minutes: number
  /** Unix seconds. */
  readonly resets_at: number
}

export function codexSessionMeta(timestamp: string, id: string, cwd: string): string {
  return JSON.stringify({
    timestamp,
    type: 'session_meta',
    payload: {
      id,
      timestamp,
      cwd,
      originator: 'codex_cli_rs',
      cli_version: '0.46.0',
      instructions: null,
      source: 'cli',
      model_provider: 'openai',
      git: { commit_hash: '0000000000000000000000000000000000000000', branch: 'main', repository_url: null },
    },
  })
}

export function codexTurnContext(timestamp: string, cwd: string, model: string): string {
  return JSON.stringify({
    timestamp,
    type: 'turn_context',
    payload: { cwd, approval_policy: 'on-request', sandbox_policy: { mode: 'workspace-write' }, model, effort: 'medium', summary: 'auto' },
  })
}

export function codexTokenCount(
  timestamp: string,
  total: CodexUsage | null,
  last: CodexUsage | null,
  limits: { primary: CodexRateWindow; secondary: CodexRateWindow } | null,
): string {
  return JSON.stringify({
    timestamp,
    type: 'event_msg',
    payload: {
      type: 'token_count',
      info: total === null || last === null ? null : { total_token_usage: total, last_token_usage: last, model_context_window: 272_000 },
      rate_limits: limits === null ? null : { ...limits, credits: null, plan_type: 'plus' },
    },
  })
}

export function codexUserMessage(timestamp: string): string {
  return JSON.stringify({ timestamp, type: 'event_msg', payload: { type: 'user_message', message: '(prompt text not kept in fixtures)', images: [] } })
}
