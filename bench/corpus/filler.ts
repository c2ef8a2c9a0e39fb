import type { Rng } from './prng.ts'

/**
 * Deterministic filler text for prompts, tool output and reasoning. Slicing one pre-built pool is what
 * makes multi-GB corpora fast to write; the pool mixes code, quotes, backslashes, newlines and non-ASCII
 * (BMP only, so a slice never splits a surrogate pair) so parsers see the escapes real transcripts have.
 */
const WORDS = [
  'const', 'function', 'return', 'import', 'export', 'await', 'async', 'interface', 'type', 'string',
  'number', 'the', 'file', 'test', 'error', 'value', 'config', 'build', 'module', 'path', 'read', 'write',
  'session', 'token', 'cache', 'model', 'request', 'parse', 'line', 'offset', 'buffer', 'result', 'which',
  'should', 'because', 'update', 'fix', 'check', 'render', 'state', 'index', 'query', 'commit', 'branch',
]
const UNICODE_WORDS = ['naïve', 'café', 'résumé', 'Straße', '日本語', '中文', 'данные', '→', '✓', '—', '“quoted”', '…']
const PUNCT = [' ', ' ', ' ', ' ', ' ', ', ', '. ', '.\n', '\n  ', '();\n', ' = ', ' => ', '"', '\\', '\t', ': ', '{ ', ' }']

export interface Filler {
  /** A slice of `len` characters (approx. bytes for mostly-ASCII text). */
  text(rng: Rng, len: number): string
  /** Base64-looking opaque blob (Codex `encrypted_content`). */
  blob(rng: Rng, len: number): string
}

export function createFiller(rng: Rng, poolSize = 1 << 18): Filler {
  const b64 = Array.from({ length: poolSize >> 2 }, () =>
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[rng.int(0, 63)],
  ).join('')
  const textPool = (words: readonly string[], size: number): string => {
    const parts: string[] = []
    let n = 0
    while (n < size) {
      const w = rng.pick(words) + rng.pick(PUNCT)
      parts.push(w)
      n += w.length
    }
    return parts.join('')
  }
  const pool = textPool(WORDS, poolSize)
  const unicode = textPool([...WORDS, ...UNICODE_WORDS], poolSize >> 3)
  const slice = (src: string, r: Rng, len: number): string => {
    if (len >= src.length) return src.repeat(Math.ceil(len / src.length)).slice(0, len)
    const start = r.int(0, src.length - len)
    return src.slice(start, start + len)
  }
  return {
    // Mostly ASCII like real logs (and V8's fast one-byte strings); 1 in 20 slices carries multi-byte UTF-8.
    text: (r, len) => slice(r.chance(0.05) ? unicode : pool, r, len),
    blob: (r, len) => 'gAAAAA' + slice(b64, r, len),
  }
}
