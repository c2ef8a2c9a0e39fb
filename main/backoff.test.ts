import { describe, expect, it } from 'vitest'
import { restartDelayMs } from './backoff.ts'

describe('restartDelayMs', () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [4, 4_000],
    [6, 16_000],
    [7, 30_000],
    [9, 30_000],
    [2_000, 30_000],
  ])('restart %i waits %i ms', (attempt, expected) => {
    expect(restartDelayMs(attempt)).toBe(expected)
  })
})
