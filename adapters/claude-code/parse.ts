import { Buffer } from 'node:buffer'
import type { JsonlAdapter, SkipCounts } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'
import { lineToEvent } from './assistant-line.ts'
import { asBuffer, scanMarkedLines } from './marked-lines.ts'
import { pathFacts } from './source-path.ts'

/** Claude transcripts need no resume cursor beyond the engine's byte checkpoint. */
export type ClaudeState = null

/**
 * Billable lines are small (one content block of one response); multi-megabyte lines are tool results.
 * A candidate above this size is skipped rather than decoded, bounding memory on pathological input.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024

// Every billable line has the key `"usage"` and the value `"assistant"`; inside JSON strings quotes are
// escaped (`\"usage\"`), so prompt or tool text never matches. Both markers tolerate any spacing around `:`.
const USAGE = Buffer.from('"usage"', 'latin1')
const ASSISTANT = Buffer.from('"assistant"', 'latin1')

export const parseLines: JsonlAdapter<ClaudeState>['parseLines'] = (bytes, baseOffset, file, state) => {
  const events: UsageEvent[] = []
  const skips: SkipCounts = {}
  const skip = (reason: string): void => {
    skips[reason] = (skips[reason] ?? 0) + 1
  }
  const facts = pathFacts(file)
  const buf = asBuffer(bytes)
  scanMarkedLines(buf, USAGE, [ASSISTANT], (start, end) => {
    if (end - start > MAX_LINE_BYTES) return skip('line-too-large')
    const outcome = lineToEvent(buf.toString('utf8', start, end), { file, facts, offset: baseOffset + start })
    if (typeof outcome === 'string') skip(outcome)
    else events.push(outcome)
  })
  return { events, limits: [], skips, state }
}
