import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listSourceFiles } from './discover.ts'
import { lineAdapter } from './test-adapter.ts'

describe('listSourceFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-discover-'))
  mkdirSync(join(dir, 'a', 'b'), { recursive: true })
  for (const f of ['top.jsonl', 'a/one.jsonl', 'a/b/two.jsonl', 'a/b/notes.txt']) writeFileSync(join(dir, f), '')

  it('walks the whole tree by default, keeping only source files', () => {
    expect(listSourceFiles(lineAdapter, dir).map((p) => p.slice(dir.length + 1))).toEqual(['a/b/two.jsonl', 'a/one.jsonl', 'top.jsonl'])
  })

  it.each([
    [0, ['top.jsonl']],
    [1, ['a/one.jsonl', 'top.jsonl']],
  ])('stops at depth %i', (depth, expected) => {
    expect(listSourceFiles(lineAdapter, dir, depth).map((p) => p.slice(dir.length + 1))).toEqual(expected)
  })

  it('returns nothing for a missing directory instead of failing', () => {
    expect(listSourceFiles(lineAdapter, join(dir, 'missing'))).toEqual([])
  })
})
