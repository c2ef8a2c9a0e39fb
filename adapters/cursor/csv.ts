/** One CSV record: its cells, where it starts, and whether its quoting was broken. */
export interface CsvRecord {
  readonly cells: string[]
  /** 1-based line of the file where the record starts (what a spreadsheet or editor shows). */
  readonly line: number
  /** Text after a closing quote, or a quote inside an unquoted cell: the cells cannot be trusted. */
  readonly malformed: boolean
}

export interface CsvParse {
  readonly records: CsvRecord[]
  /** The file ended inside a quoted cell: its last record was cut (a file read while being written). */
  readonly tornTail: boolean
}

const QUOTE = 0x22
const COMMA = 0x2c
const LF = 0x0a
const CR = 0x0d

/**
 * A small RFC 4180 reader (adapters may import no npm packages, and the watched import folder is read by
 * the adapter itself, so the CSV parser lives here): comma-separated, `"` quoting with `""` as an escaped
 * quote, quoted cells may hold commas and line breaks, records end at CRLF, LF or a lone CR (some exports
 * use CR only), a UTF-8 byte-order mark is dropped, blank lines are ignored. Never throws: broken quoting
 * marks the record `malformed`, and an unterminated quote at the end of the text sets `tornTail` and drops
 * that record.
 */
export function parseCsv(input: string): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const records: CsvRecord[] = []
  const n = text.length
  let i = 0
  let line = 1
  while (i < n) {
    const startLine = line
    const cells: string[] = []
    let malformed = false
    let endOfRecord = false
    while (!endOfRecord) {
      let cell = ''
      if (text.charCodeAt(i) === QUOTE) {
        i++
        let closed = false
        while (i < n) {
          const q = text.indexOf('"', i)
          if (q < 0) break
          cell += text.slice(i, q)
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === LF || (text.charCodeAt(k) === CR && text.charCodeAt(k + 1) !== LF)) line++
          if (text.charCodeAt(q + 1) === QUOTE) {
            cell += '"'
            i = q + 2
            continue
          }
          i = q + 1
          closed = true
          break
        }
        if (!closed) return { records, tornTail: true }
        // Anything between the closing quote and the next separator is broken quoting: keep it, flag it.
        const stop = nextSeparator(text, i)
        if (stop > i) {
          malformed = true
          cell += text.slice(i, stop)
          i = stop
        }
      } else {
        const stop = nextSeparator(text, i)
        cell = text.slice(i, stop)
        if (cell.includes('"')) malformed = true
        i = stop
      }
      cells.push(cell)
      const c = i < n ? text.charCodeAt(i) : LF
      if (c === COMMA) {
        i++
        if (i >= n) cells.push('') // a trailing comma at the very end is one more (empty) cell
        endOfRecord = i >= n
        continue
      }
      // A record separator: CRLF, LF, lone CR, or the end of the text.
      if (c === CR && text.charCodeAt(i + 1) === LF) i += 2
      else if (i < n) i++
      line++
      endOfRecord = true
    }
    if (cells.length === 1 && cells[0] === '' && !malformed) continue // a blank line
    records.push({ cells, line: startLine, malformed })
  }
  return { records, tornTail: false }
}

/** Index of the next comma, CR or LF at or after `from` (or the end of the text). */
function nextSeparator(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k)
    if (c === COMMA || c === LF || c === CR) return k
  }
  return text.length
}
