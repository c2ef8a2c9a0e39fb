import { describe, expect, it } from 'vitest'
import { isDroidSourceFile, sessionFacts } from './source-path.ts'
import { ROOT, SESSION_ID } from './test-settings.ts'

describe('isDroidSourceFile', () => {
  it.each([
    [`-home-dev-shop/${SESSION_ID}.settings.json`, true],
    [`${SESSION_ID}.settings.json`, true],
    [`-home-dev-shop/${SESSION_ID}.jsonl`, false],
    ['settings.json', false],
    ['-home-dev-shop/settings.json', false],
    ['.settings.json', false],
    ['.env', false],
    [`${SESSION_ID}.settings.json.tmp`, false],
  ])('%s → %s', (relPath, expected) => {
    expect(isDroidSourceFile(relPath)).toBe(expected)
  })
})

describe('sessionFacts', () => {
  it.each([
    ['a per-project session', `${ROOT.dir}/-home-dev-shop/${SESSION_ID}.settings.json`, ROOT, { sessionId: SESSION_ID, project: '-home-dev-shop' }],
    ['a flat legacy session', `${ROOT.dir}/${SESSION_ID}.settings.json`, ROOT, { sessionId: SESSION_ID, project: null }],
    [
      'a Windows path',
      `C:\\Users\\dev\\.factory\\sessions\\-C-src-app\\${SESSION_ID}.settings.json`,
      { dir: 'C:\\Users\\dev\\.factory\\sessions', account: 'C:\\Users\\dev\\.factory' },
      { sessionId: SESSION_ID, project: '-C-src-app' },
    ],
    ['a file outside its root', `/tmp/x/${SESSION_ID}.settings.json`, ROOT, { sessionId: SESSION_ID, project: null }],
  ])('%s', (_, path, root, facts) => {
    expect(sessionFacts({ path, root })).toEqual(facts)
  })
})
