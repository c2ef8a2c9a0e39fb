import { parse } from 'csv-parse/sync'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv.ts'

const cellsOf = (text: string): string[][] => parseCsv(text).records.map((r) => r.cells)

describe('parseCsv', () => {
  it.each([
    ['plain rows', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['no newline at the end', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['CRLF (Windows)', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['CR only', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['a byte-order mark', '\ufeffDate,Model\n1,2\n', [['Date', 'Model'], ['1', '2']]],
    ['every cell quoted (as Cursor writes them)', '"2025-11-13T18:36:05.846Z","Included","auto"\n', [['2025-11-13T18:36:05.846Z', 'Included', 'auto']]],
    ['a comma inside quotes', '"Errored, No Charge",x\n', [['Errored, No Charge', 'x']]],
    ['an escaped quote', '"a ""quoted"" model",x\n', [['a "quoted" model', 'x']]],
    ['a line break inside quotes', '"two\nlines",x\r\n"three\r\nlines",y\n', [['two\nlines', 'x'], ['three\r\nlines', 'y']]],
    ['empty cells', ',,\n', [['', '', '']]],
    ['a trailing comma at the very end', 'a,b,', [['a', 'b', '']]],
    ['blank lines are ignored', 'a\n\n\r\nb\n', [['a'], ['b']]],
  ])('%s', (_, text, expected) => {
    expect(cellsOf(text)).toEqual(expected)
  })

  it('numbers records by the line they start on, counting breaks inside quotes', () => {
    expect(parseCsv('h\n"x\ny"\nz\n').records.map((r) => [r.cells[0], r.line])).toEqual([
      ['h', 1],
      ['x\ny', 2],
      ['z', 4],
    ])
  })

  it.each([
    ['text after a closing quote', '"abc"def,x\n'],
    ['a quote inside an unquoted cell', 'ab"c,x\n'],
  ])('flags broken quoting (%s) instead of throwing', (_, text) => {
    expect(parseCsv(text).records.map((r) => r.malformed)).toEqual([true])
  })

  it('drops a record cut inside quotes (a file read while being written) and says so', () => {
    expect(parseCsv('a,b\n"1","2\n')).toEqual({ records: [{ cells: ['a', 'b'], line: 1, malformed: false }], tornTail: true })
  })

  // Cross-check against csv-parse (RFC 4180) on generated well-formed files: same cells, record by record.
  it('agrees with csv-parse on any well-formed CSV', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '\n', '\r', '$', 'é') }), fc.constantFrom('', '0.19', 'Errored, No Charge'))
    const record = fc.array(cell, { minLength: 2, maxLength: 5 })
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (records, eol, finalEol) => {
        const quote = (c: string): string => (/[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c)
        const text = records.map((r) => r.map(quote).join(',')).join(eol) + (finalEol ? eol : '')
        expect(cellsOf(text)).toEqual(parse(text, { relax_column_count: true }) as string[][])
      }),
      { numRuns: 300 },
    )
  })
})
