import { describe, expect, it } from 'vitest'
import { markedLines } from './line-scan.ts'

const markers = ['"tokens"', '"sessionId"'].map((m) => Buffer.from(m))
const lines = (text: string): string[] => {
  const buf = Buffer.from(text)
  return [...markedLines(buf, markers)].map((s) => buf.toString('utf8', s.start, s.end))
}

describe('markedLines', () => {
  it.each([
    ['only the lines with a marker', '{"$set":{}}\n{"tokens":1}\n{"a":2}\n{"sessionId":"s"}\n', ['{"tokens":1}', '{"sessionId":"s"}']],
    ['a line with both markers once', '{"sessionId":"s","tokens":null}\nz\n', ['{"sessionId":"s","tokens":null}']],
    ['a marker at the very start and a last line without newline', '"tokens"\nq\nlast "sessionId"', ['"tokens"', 'last "sessionId"']],
    ['nothing for an escaped mention inside a string', '{"content":"say \\"tokens\\" and \\"sessionId\\""}\n', []],
    ['a marker deep inside a long line', `${'p'.repeat(5000)}"tokens"${'q'.repeat(5000)}\n"sessionId"\n`, [`${'p'.repeat(5000)}"tokens"${'q'.repeat(5000)}`, '"sessionId"']],
  ])('yields %s', (_, text, expected) => {
    expect(lines(text)).toEqual(expected)
  })
})
