import type { SourceFileRef } from '../../common/adapter-contract.ts'

export const THREAD_ID = 'T-5a0c6f2e-8d1b-4c7a-9e3f-2b4d6f8a0c1e'
export const ROOT = { dir: '/home/dev/.local/share/amp/threads', account: '/home/dev/.local/share/amp' } as const
export const CREATED = Date.parse('2026-11-20T09:00:00.000Z')

export function fileRef(mtimeMs: number | null = Date.parse('2026-11-21T00:00:00.000Z')): SourceFileRef {
  const ref = { path: `${ROOT.dir}/${THREAD_ID}.json`, root: ROOT }
  return mtimeMs === null ? ref : { ...ref, mtimeMs }
}

export function thread(messages: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { v: 42, id: THREAD_ID, created: CREATED, title: 'fixture', messages, env: { initial: { trees: [{ displayName: 'shop', uri: 'file:///home/dev/shop' }] } }, ...extra }
}

export function user(messageId: number): Record<string, unknown> {
  return { role: 'user', messageId, content: [{ type: 'text', text: '(fixture placeholder)' }], meta: { sentAt: CREATED } }
}

/** Usage counts in Amp's field names: (input w/o cache, output, cache write, cache read). */
export function usage(input: number, output: number, cacheWrite: number, cacheRead: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'claude-sonnet-4-5-20250929',
    inputTokens: input,
    outputTokens: output,
    cacheCreationInputTokens: cacheWrite,
    cacheReadInputTokens: cacheRead,
    totalInputTokens: input + cacheWrite + cacheRead,
    timestamp: '2026-11-20T09:01:00.000Z',
    ...extra,
  }
}

export function assistant(messageId: number | undefined, use: Record<string, unknown> | undefined): Record<string, unknown> {
  return { role: 'assistant', messageId, content: [{ type: 'text', text: '(fixture placeholder)' }], state: { type: 'complete' }, usage: use }
}

export function ledgerEvent(id: string, toMessageId: number | undefined, input: number, output: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    timestamp: '2026-11-20T09:02:00.000Z',
    model: 'claude-sonnet-4-5-20250929',
    credits: 1.5,
    tokens: { input, output, total: input + output },
    operationType: 'inference',
    fromMessageId: toMessageId === undefined ? undefined : toMessageId - 1,
    toMessageId,
    ...extra,
  }
}

export function bytesOf(value: unknown): Uint8Array {
  return new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value, null, 2))
}
