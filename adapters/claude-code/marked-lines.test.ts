import { describe, expect, it } from 'vitest'
import { scanMarkedLines } from './marked-lines.ts'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

function visited(text: string, primary: string, also: string[]): string[] {
  const bytes = enc(text)
  const out: string[] = []
  scanMarkedLines(bytes, enc(primary), also.map(enc), (s, e) => out.push(new TextDecoder().decode(bytes.subarray(s, e))))
  return out
}

describe('scanMarkedLines', () => {
  it.each([
    ['no marker anywhere', 'a\nb\nc\n', ['"u"'], []],
    ['first, middle and last line', '"u"1\nx\n"u"2\ny\n"u"3\n', ['"u"'], ['"u"1', '"u"2', '"u"3']],
    ['two hits on one line visit it once', 'p"u""u"q\nz\n', ['"u"'], ['p"u""u"q']],
    ['final line without newline', 'x\n"u"end', ['"u"'], ['"u"end']],
    ['empty input', '', ['"u"'], []],
  ])('%s', (_name, text, [primary], expected) => {
    expect(visited(text, primary!, [])).toEqual(expected)
  })

  it.each([
    ['secondary on the same line', '"u""a"\n', ['"u""a"']],
    ['secondary only on a LATER line does not qualify an earlier one', '"u"\n"a"\n"u""a"\n', ['"u""a"']],
    ['secondary only on an EARLIER line', '"a"\n"u"\n', []],
    ['secondary missing everywhere', '"u"\n"u"\n', []],
  ])('requires every secondary marker within the line: %s', (_name, text, expected) => {
    expect(visited(text, '"u"', ['"a"'])).toEqual(expected)
  })

  it('works on a Uint8Array view into a larger buffer', () => {
    const whole = enc('junk"u""a"\n"u""a"ok\n')
    const view = whole.subarray(11) // starts at the second line
    const out: Array<[number, number]> = []
    scanMarkedLines(view, enc('"u"'), [enc('"a"')], (s, e) => out.push([s, e]))
    expect(out).toEqual([[0, 8]]) // `"u""a"ok` is 8 bytes
  })
})
