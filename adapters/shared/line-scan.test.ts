import { describe, expect, it } from 'vitest'
import { markedLines } from './line-scan.ts'

const markers = ['"a"', '"b"'].map((m) => Buffer.from(m))
const lines = (text: string): string[] => {
  const buf = Buffer.from(text)
  return [...markedLines(buf, markers)].map((s) => buf.toString('utf8', s.start, s.end))
}

describe('markedLines', () => {
  it.each([
    ['only the lines with a marker', 'x\n"a" 1\nyy\n"b" 2\n', ['"a" 1', '"b" 2']],
    ['a line with both markers once', '"b" "a" "b"\nz\n', ['"b" "a" "b"']],
    ['a marker at the very start and a last line without newline', '"a"\nq\nlast "b"', ['"a"', 'last "b"']],
    ['nothing when no marker occurs', 'x\ny\n', []],
    ['a marker deep inside a long line', `${'p'.repeat(5000)}"a"${'q'.repeat(5000)}\n"b"\n`, [`${'p'.repeat(5000)}"a"${'q'.repeat(5000)}`, '"b"']],
  ])('yields %s', (_, text, expected) => {
    expect(lines(text)).toEqual(expected)
  })
})
