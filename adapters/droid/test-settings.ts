import type { SourceFileRef } from '../../common/adapter-contract.ts'

export const SESSION_ID = '3f2b8c1e-7a4d-4e9b-9c21-5d6e7f8a9b0c'
export const ROOT = { dir: '/home/dev/.factory/sessions', account: '/home/dev/.factory' } as const

/** A `<uuid>.settings.json` body as Droid writes it (no prompt text: the transcript is a separate file). */
export function settings(tokenUsage: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    model: 'claude-sonnet-4-5-20250929',
    reasoningEffort: 'medium',
    autonomyMode: 'auto-low',
    providerLock: 'anthropic',
    providerLockTimestamp: '2026-11-18T08:00:00.000Z',
    assistantActiveTimeMs: 81234,
    tokenUsage,
    ...extra,
  })
}

export function usage(input: number, output: number, cacheWrite: number, cacheRead: number, thinking: number): Record<string, number> {
  return { inputTokens: input, outputTokens: output, cacheCreationTokens: cacheWrite, cacheReadTokens: cacheRead, thinkingTokens: thinking }
}

export const MTIME = Date.parse('2026-11-20T10:00:00.000Z')

/** A file as the engine hands it over (with the mtime it read), or without mtime when `mtimeMs` is null. */
export function fileRef(rel = `-home-dev-shop/${SESSION_ID}.settings.json`, mtimeMs: number | null = MTIME): SourceFileRef {
  const ref = { path: `${ROOT.dir}/${rel}`, root: ROOT }
  return mtimeMs === null ? ref : { ...ref, mtimeMs }
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
