import { describe, expect, it } from 'vitest'
import { fileStem, isJsonlRecording, isLegacyRecording, projectLabel } from './source-files.ts'

describe('recording names', () => {
  it.each([
    ['widget/chats/session-2026-05-04T09-12-7d3f9a21.jsonl', true, false],
    ['widget/chats/session-2026-03-28T16-40-5e6f7a8b.json', false, true],
    ['widget/chats/9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d/4f5e6d7c-8b9a-4c0d-8e1f-2a3b4c5d6e7f.jsonl', true, false],
    ['widget/chats/9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d/4f5e6d7c-8b9a-4c0d-8e1f-2a3b4c5d6e7f.json', false, true],
    [`${'ab'.repeat(32)}/chats/session-2025-11-18T08-45-1a2b3c4d.json`, false, true],
    ['widget/chats/session-2026-05-04T09-12-7d3f9a21.jsonl.tmp-48213', false, false],
    ['widget/chats/session-2026-05-04T09-12-7d3f9a21.json.tmp-48213', false, false],
    ['widget/chats/session-2026-06-01T07-00-7c8d9e0f.json.unreadable-1782300000000', false, false],
    ['widget/chats/session-2026-06-01T07-00-7c8d9e0f.jsonl.unreadable-1782300000000', false, false],
    ['widget/logs.json', false, false],
    ['widget/chats/notes.jsonl', false, false],
    ['widget/chats/a/b/c.jsonl', false, false],
    ['widget/checkpoint-x.json', false, false],
    ['chats/session-x.jsonl', false, false],
    ['widget/tool-outputs/session-x.jsonl', false, false],
  ])('%s → jsonl %s, legacy %s', (relPath, jsonl, legacy) => {
    expect([isJsonlRecording(relPath), isLegacyRecording(relPath)]).toEqual([jsonl, legacy])
  })
})

describe('projectLabel', () => {
  const root = (dir: string) => ({ dir, account: dir })

  it.each([
    ['a slug directory', '/home/dev/.gemini/tmp/widget/chats/session-x.jsonl', '/home/dev/.gemini/tmp', 'widget'],
    ['a sha256 directory', `/home/dev/.gemini/tmp/${'cd'.repeat(32)}/chats/session-x.json`, '/home/dev/.gemini/tmp', 'cd'.repeat(32)],
    ['a sub-agent recording', '/home/dev/.gemini/tmp/widget/chats/p/s.jsonl', '/home/dev/.gemini/tmp/', 'widget'],
    ['a Windows path', 'C:\\Users\\dev\\.gemini\\tmp\\widget\\chats\\session-x.jsonl', 'C:\\Users\\dev\\.gemini\\tmp', 'widget'],
    ['a file outside the root', '/elsewhere/session-x.jsonl', '/home/dev/.gemini/tmp', null],
  ])('uses the tmp/<id> name for %s', (_, path, dir, expected) => {
    expect(projectLabel({ path, root: root(dir) })).toBe(expected)
  })
})

describe('fileStem', () => {
  it.each([
    ['/h/.gemini/tmp/w/chats/session-2026-05-04T09-12-7d3f9a21.jsonl', 'session-2026-05-04T09-12-7d3f9a21'],
    ['C:\\h\\.gemini\\tmp\\w\\chats\\session-2026-05-04T09-12-7d3f9a21.json', 'session-2026-05-04T09-12-7d3f9a21'],
  ])('%s → %s', (path, expected) => {
    expect(fileStem(path)).toBe(expected)
  })
})
