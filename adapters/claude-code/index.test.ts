import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { claudeCodeAdapter } from './index.ts'

const fixtureHome = fileURLToPath(new URL('../../fixtures/claude/streaming-duplicates/home', import.meta.url))

describe('claudeCodeAdapter', () => {
  it('is a stateless jsonl adapter for the claude provider', () => {
    const file = { path: '/h/.claude/projects/-p/s.jsonl', root: { dir: '/h/.claude/projects', account: '/h/.claude' } }
    expect([claudeCodeAdapter.kind, claudeCodeAdapter.provider, claudeCodeAdapter.parserVersion, claudeCodeAdapter.initialState(file)]).toEqual([
      'jsonl',
      'claude',
      1,
      null,
    ])
  })

  it('emits every streamed copy of a real-layout fixture transcript (the ledger merges them)', () => {
    const [root] = claudeCodeAdapter.roots({ home: fixtureHome, env: {}, platform: 'linux' })
    const path = `${root!.dir}/-home-dev-shop/5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b.jsonl`
    const result = claudeCodeAdapter.parseLines(readFileSync(path), 0, { path, root: root! }, null)
    expect(result.events.map((e) => `${e.dedupeKey} out=${e.tokens.output}`)).toEqual([
      'claude:msg_01StreamM1:req_011StreamM1 out=1',
      'claude:msg_01StreamM1:req_011StreamM1 out=1',
      'claude:msg_01StreamM1:req_011StreamM1 out=356',
      'claude:msg_01StreamM2:req_011StreamM2 out=8',
      'claude:msg_01StreamM2:req_011StreamM2 out=512',
      'claude:msg_01StreamM3:req_011StreamM3 out=95',
    ])
  })
})
