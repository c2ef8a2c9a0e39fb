import { describe, expect, it } from 'vitest'
import { isSourceFile, pathFacts } from './source-path.ts'

const root = { dir: '/h/.claude/projects', account: '/h/.claude' }

describe('isSourceFile', () => {
  it.each([
    ['-home-dev-shop/3f1c2a9e-0000-4000-8000-000000000001.jsonl', true],
    ['-home-dev-shop/3f1c2a9e-0000-4000-8000-000000000001/subagents/agent-a1b2c3d.jsonl', true],
    ['-home-dev-shop/3f1c2a9e-0000-4000-8000-000000000001/subagents/workflows/wf-1/agent-w1.jsonl', true],
    ['-home-dev-shop/agent-9f8e7d6c.jsonl', true],
    ['-home-dev-shop/3f1c2a9e-0000-4000-8000-000000000001/subagents/workflows/wf-1/journal.jsonl', false],
    ['-home-dev-shop/3f1c2a9e-0000-4000-8000-000000000001/subagents/journal.jsonl', false],
    ['-home-dev-shop/3f1c2a9e-0000-4000-8000-000000000001/subagents/agent-a1b2c3d.meta.json', false],
    ['-home-dev-shop/notes.txt', false],
  ])('%s → %s', (rel, expected) => {
    expect(isSourceFile(rel)).toBe(expected)
  })
})

describe('pathFacts', () => {
  it.each([
    ['/h/.claude/projects/-home-dev-shop/s-1.jsonl', root, { sessionId: 's-1', projectDir: '-home-dev-shop' }],
    ['/h/.claude/projects/-home-dev-shop/s-1/subagents/agent-a1.jsonl', root, { sessionId: 's-1', projectDir: '-home-dev-shop' }],
    ['/h/.claude/projects/-p/s-2/subagents/workflows/wf/agent-w.jsonl', root, { sessionId: 's-2', projectDir: '-p' }],
    ['/h/.claude/projects/-p/agent-9f.jsonl', root, { sessionId: 'agent-9f', projectDir: '-p' }],
    ['/h/.claude/projects/loose.jsonl', root, { sessionId: 'loose', projectDir: null }],
    ['/elsewhere/x/s-3.jsonl', root, { sessionId: 's-3', projectDir: null }],
    [
      'C:\\Users\\u\\.claude\\projects\\C--dev-app\\s-4\\subagents\\agent-b.jsonl',
      { dir: 'C:\\Users\\u\\.claude\\projects', account: 'C:\\Users\\u\\.claude' },
      { sessionId: 's-4', projectDir: 'C--dev-app' },
    ],
  ])('%s', (path, fileRoot, expected) => {
    expect(pathFacts({ path, root: fileRoot })).toEqual(expected)
  })
})
