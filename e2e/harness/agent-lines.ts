/**
 * File bodies in the other agents' real on-disk shapes, modelled on fixtures/<agent>/*\/home (Gemini CLI
 * JSONL recordings, Factory Droid `<uuid>.settings.json`, Amp `T-<uuid>.json` threads, Cursor's dashboard
 * CSV export). Prompt and response text are placeholders: the ledger must never need them.
 */

/** Gemini's `tokens` as the CLI writes them: `input` includes `cached`; total = input + output + thoughts + tool. */
export interface GeminiTokens {
  readonly input: number
  readonly cached: number
  readonly output: number
  readonly thoughts: number
}

export function geminiMetadata(sessionId: string, startTime: string): string {
  return JSON.stringify({ sessionId, projectHash: 'e2'.repeat(32), startTime, lastUpdated: startTime, kind: 'main' })
}

export function geminiUserLine(id: string, timestamp: string): string {
  return JSON.stringify({ id, timestamp, type: 'user', content: [{ text: '(prompt text not kept in fixtures)' }] })
}

export function geminiReplyLine(id: string, timestamp: string, model: string, t: GeminiTokens): string {
  return JSON.stringify({
    id,
    timestamp,
    type: 'gemini',
    content: '(response text not kept in fixtures)',
    thoughts: t.thoughts > 0 ? [{ subject: 'Planning', description: '(reasoning summary not kept)', timestamp }] : [],
    tokens: { input: t.input, output: t.output, cached: t.cached, thoughts: t.thoughts, tool: 0, total: t.input + t.output + t.thoughts },
    model,
  })
}

/** The CLI's bookkeeping line after every message. */
export function geminiTouched(timestamp: string): string {
  return JSON.stringify({ $set: { lastUpdated: timestamp } })
}

/** Droid's running session total, in its own field names (buckets are disjoint). */
export interface DroidUsage {
  readonly inputTokens: number
  readonly outputTokens: number
  readonly cacheCreationTokens: number
  readonly cacheReadTokens: number
  readonly thinkingTokens: number
}

/** A `<uuid>.settings.json`; it has no time of its own beyond the session start (the engine dates it by mtime). */
export function droidSettings(model: string, startedAt: string, tokenUsage: DroidUsage): string {
  const body = {
    model,
    reasoningEffort: 'medium',
    autonomyMode: 'auto-low',
    providerLock: model.startsWith('claude') ? 'anthropic' : 'openai',
    providerLockTimestamp: startedAt,
    assistantActiveTimeMs: 95_000,
    tokenUsage,
  }
  return `${JSON.stringify(body, null, 2)}\n`
}

/** One finished Amp request: usage on an assistant message (`inputTokens` excludes the cache). */
export interface AmpRequest {
  readonly at: Date
  readonly model: string
  readonly input: number
  readonly output: number
  readonly cacheWrite: number
  readonly cacheRead: number
}

export function ampThread(id: string, created: Date, cwd: string, requests: readonly AmpRequest[]): string {
  const messages = requests.flatMap((r, i) => [
    { role: 'user', messageId: 2 * i, content: [{ type: 'text', text: '(prompt text not kept in fixtures)' }], meta: { sentAt: r.at.getTime() - 3_000 } },
    {
      role: 'assistant',
      messageId: 2 * i + 1,
      content: [{ type: 'text', text: '(response text not kept in fixtures)' }],
      state: { type: 'complete' },
      usage: {
        model: r.model,
        inputTokens: r.input,
        outputTokens: r.output,
        cacheCreationInputTokens: r.cacheWrite,
        cacheReadInputTokens: r.cacheRead,
        totalInputTokens: r.input + r.cacheWrite + r.cacheRead,
        timestamp: r.at.toISOString(),
      },
    },
  ])
  const thread = {
    v: 57,
    id,
    created: created.getTime(),
    title: 'fixture thread',
    messages,
    env: { initial: { trees: [{ displayName: cwd.slice(cwd.lastIndexOf('/') + 1), uri: `file://${cwd}` }], platform: { os: 'linux' } } },
  }
  return `${JSON.stringify(thread, null, 2)}\n`
}

/** One row of Cursor's usage export (the `Date,Kind,Model,Max Mode,…` header), cost as Cursor charged it. */
export interface CursorRow {
  readonly at: Date
  readonly model: string
  readonly kind: 'Included' | 'On-Demand'
  readonly inputWithCacheWrite: number
  readonly inputWithoutCacheWrite: number
  readonly cacheRead: number
  readonly output: number
  readonly cost: string
}

const CURSOR_HEADER = 'Date,Kind,Model,Max Mode,Input (w/ Cache Write),Input (w/o Cache Write),Cache Read,Output Tokens,Total Tokens,Cost'

/** The export as the dashboard downloads it: a byte-order mark, every cell quoted, newest row first. */
export function cursorCsv(rows: readonly CursorRow[]): string {
  const lines = [...rows]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((r) => {
      const total = r.inputWithCacheWrite + r.inputWithoutCacheWrite + r.cacheRead + r.output
      const cells = [r.at.toISOString(), r.kind, r.model, 'No', r.inputWithCacheWrite, r.inputWithoutCacheWrite, r.cacheRead, r.output, total, r.cost]
      return cells.map((c) => `"${String(c)}"`).join(',')
    })
  return `\uFEFF${[CURSOR_HEADER, ...lines].join('\n')}\n`
}
