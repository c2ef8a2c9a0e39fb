import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CorpusStats } from './expected.ts'

/** Writes a whole file (creating its folder) and adds it to the corpus' size figures. */
export function writeTextFile(path: string, text: string, stats: CorpusStats): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  stats.files++
  stats.bytes += Buffer.byteLength(text)
  let lines = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  stats.lines += lines
}
