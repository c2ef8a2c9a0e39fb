import { describe, expect, it } from 'vitest'
import { geminiAdapter, geminiLegacyAdapter } from './index.ts'

describe('gemini adapters', () => {
  it('are a JSONL adapter and a whole-file adapter for the gemini provider', () => {
    expect([geminiAdapter, geminiLegacyAdapter].map((a) => [a.kind, a.provider, a.parserVersion])).toEqual([
      ['jsonl', 'gemini', 1],
      ['whole-file', 'gemini', 1],
    ])
  })

  it('share their roots, so both read the same ~/.gemini/tmp', () => {
    const ctx = { home: '/home/dev', env: {}, platform: 'linux' } as const
    expect(geminiLegacyAdapter.roots(ctx)).toEqual(geminiAdapter.roots(ctx))
  })

  it.each([
    ['widget/chats/session-2026-05-04T09-12-7d3f9a21.jsonl', true, false],
    ['widget/chats/9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d/4f5e6d7c-8b9a-4c0d-8e1f-2a3b4c5d6e7f.jsonl', true, false],
    ['widget/chats/session-2026-03-28T16-40-5e6f7a8b.json', false, true],
    ['widget/chats/session-2026-05-04T09-12-7d3f9a21.jsonl.tmp-1234', false, false],
    ['widget/chats/session-2026-06-01T07-00-7c8d9e0f.json.unreadable-1782300000000', false, false],
    ['widget/logs.json', false, false],
  ])('%s → JSONL adapter %s, legacy adapter %s', (relPath, jsonl, legacy) => {
    expect([geminiAdapter.isSourceFile(relPath), geminiLegacyAdapter.isSourceFile(relPath)]).toEqual([jsonl, legacy])
  })
})
