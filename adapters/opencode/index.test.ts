import { describe, expect, it } from 'vitest'
import { opencodeAdapter, opencodeLegacyAdapter } from './index.ts'

describe('opencodeAdapter.isSourceFile', () => {
  it.each([
    ['opencode.db', true],
    ['opencode-beta.db', true],
    ['opencode-local-dev.db', true],
    ['opencode.db-wal', false],
    ['opencode.db-shm', false],
    ['auth.json', false],
    ['mcp-auth.json', false],
    ['storage/opencode.db', false],
    ['snapshot/abc/objects/pack.db', false],
  ])('%s → %s', (relPath, expected) => {
    expect(opencodeAdapter.isSourceFile(relPath)).toBe(expected)
  })
})

describe('opencodeLegacyAdapter.isSourceFile (under storage/message)', () => {
  it.each([
    ['ses_6a1f0c2e8ffeAbCdEfGhIjKl/msg_95e0f3c2a001XyZ0123456789a.json', true],
    ['ses_6a1f0c2e8ffeAbCdEfGhIjKl/msg_95e0f3c2a001XyZ0123456789a.json.tmp', false],
    ['msg_95e0f3c2a001XyZ0123456789a.json', false],
    ['a/b/c.json', false],
  ])('%s → %s', (relPath, expected) => {
    expect(opencodeLegacyAdapter.isSourceFile(relPath)).toBe(expected)
  })

  it('declares the database sidecars whose change means new rows', () => {
    expect(opencodeAdapter.sidecarSuffixes).toEqual(['-wal', '-shm'])
  })
})
