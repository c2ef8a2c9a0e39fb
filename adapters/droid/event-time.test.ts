import { describe, expect, it } from 'vitest'
import { droidEventTs } from './event-time.ts'

const LOCK = Date.parse('2026-11-18T08:00:00.000Z')
const LATER = Date.parse('2026-11-21T17:30:00.000Z')
const EARLIER = Date.parse('2026-11-17T09:00:00.000Z')

describe('droidEventTs', () => {
  it.each([
    ['a long session is dated by its last write, not its start', LATER, LOCK, LATER],
    ['an mtime rewound by a restore is floored at the session start', EARLIER, LOCK, LOCK],
    ['no providerLockTimestamp: the mtime', LATER, null, LATER],
    ['no mtime: the lock', undefined, LOCK, LOCK],
    ['a sub-millisecond mtime is floored', LATER + 0.75, null, LATER],
    ['neither', undefined, null, null],
  ])('%s', (_, mtime, lock, expected) => {
    expect(droidEventTs(mtime, lock)).toBe(expected)
  })
})
