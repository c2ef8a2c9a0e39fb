import type { ParseResult, SourceFileRef } from '../../common/adapter-contract.ts'
import { parseGeminiLines } from './parse-jsonl.ts'
import { initialGeminiJsonlState, type GeminiJsonlState } from './state.ts'

/** Builders for realistic recording lines in unit tests (placeholder text only). */

export const SESSION_ID = '7d3f9a21-4c5e-4b6a-9f10-2a3b4c5d6e7f'
export const SUBAGENT_ID = '4f5e6d7c-8b9a-4c0d-8e1f-2a3b4c5d6e7f'
export const ACCOUNT = '/home/dev/.gemini'
export const CHATS = `${ACCOUNT}/tmp/widget/chats`

export interface Tokens {
  input: number
  output: number
  cached: number
  thoughts: number
  tool: number
  total: number
}

/** A `tokens` object as the CLI writes it: input includes cached, total = input + output + thoughts + tool. */
export function tokens(input: number, output: number, cached = 0, thoughts = 0, tool = 0): Tokens {
  return { input, output, cached, thoughts, tool, total: input + output + thoughts + tool }
}

export function metadata(sessionId = SESSION_ID, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ sessionId, projectHash: 'ab'.repeat(32), startTime: '2026-05-04T09:12:31.520Z', lastUpdated: '2026-05-04T09:12:31.520Z', kind: 'main', ...extra })
}

export function userMessage(id: string, timestamp: string, text = 'placeholder prompt'): string {
  return JSON.stringify({ id, timestamp, type: 'user', content: [{ text }] })
}

export function geminiRecord(id: string, timestamp: string, t: Tokens | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, timestamp, type: 'gemini', content: 'placeholder reply', thoughts: [], tokens: t, model: 'gemini-2.5-pro', ...extra }
}

export function geminiMessage(id: string, timestamp: string, t: Tokens | null, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(geminiRecord(id, timestamp, t, extra))
}

export function touched(timestamp: string): string {
  return JSON.stringify({ $set: { lastUpdated: timestamp } })
}

export function bytesOf(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''))
}

export function fileRef(path = `${CHATS}/session-2026-05-04T09-12-7d3f9a21.jsonl`): SourceFileRef {
  return { path, root: { dir: `${ACCOUNT}/tmp`, account: ACCOUNT } }
}

/** Parses a whole recording from byte 0. */
export function parseAll(lines: readonly string[], file: SourceFileRef = fileRef()): ParseResult<GeminiJsonlState> {
  return parseGeminiLines(bytesOf(lines), 0, file, initialGeminiJsonlState())
}
