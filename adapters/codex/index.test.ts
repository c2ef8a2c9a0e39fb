import { describe, expect, it } from 'vitest'
import { codexAdapter } from './index.ts'

describe('codexAdapter.isSourceFile', () => {
  it.each([
    ['2026/11/20/rollout-2026-11-20T09-15-02-019a8f2e-5c4b-7d10-9e3a-1b2c3d4e5f60.jsonl', true],
    ['2026/11/20/rollout-2026-11-20T09-15-02-019a8f2e-5c4b-7d10-9e3a-1b2c3d4e5f60.jsonl.zst', true],
    ['rollout-2026-11-20T09-15-02-019a8f2e-5c4b-7d10-9e3a-1b2c3d4e5f60.jsonl', true],
    ['2026/11/20/history.jsonl', false],
    ['2026/11/20/rollout-x.json', false],
    ['2026/11/20/rollout-x.jsonl.tmp', false],
    ['notes-rollout-x.jsonl', false],
  ])('%s → %s', (relPath, expected) => {
    expect(codexAdapter.isSourceFile(relPath)).toBe(expected)
  })
})
