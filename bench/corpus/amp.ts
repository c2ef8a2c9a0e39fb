import { join } from 'node:path'
import { ampThread, type AmpRequest } from '../../e2e/harness/agent-lines.ts'
import type { AgentCorpusOptions } from './agent-options.ts'
import { addRequest, emptyStats, emptyTotals, type ProviderCorpus } from './expected.ts'
import { createRng, type Rng } from './prng.ts'
import { assertSameDay, sessionStart, tick, type Clock } from './schedule.ts'
import { writeTextFile } from './text-file.ts'

const MODELS = ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929', 'claude-opus-4-5-20251101', 'claude-haiku-4-5-20251001', 'gpt-5']
const PROJECTS = ['docs-site', 'api-server', 'web-app', 'infra']

type Json = Record<string, unknown>

interface Thread {
  messages: Json[]
  usageLedger?: { events: Json[] }
}

/** One request's usage: Anthropic-style, `inputTokens` EXCLUDES the cache; the context is mostly cache reads. */
function nextRequest(rng: Rng, at: number, model: string, context: number): AmpRequest {
  const fresh = context === 0
  return {
    at: new Date(at),
    model,
    input: rng.chance(0.85) ? rng.int(3, 40) : rng.int(500, 6_000),
    output: rng.chance(0.1) ? rng.int(1_500, 8_000) : rng.int(20, 1_500),
    cacheWrite: fresh ? rng.int(5_000, 20_000) : rng.int(0, 6_000),
    cacheRead: context,
  }
}

/**
 * Older threads also carry `usageLedger.events` paying for the same messages, with input/output but no
 * cache split: each request must still count once, with the message's cache tokens.
 */
function ledgerFor(rng: Rng, requests: readonly AmpRequest[]): { events: Json[] } {
  return {
    events: requests.map((r, i) => ({
      id: rng.uuid(),
      timestamp: r.at.toISOString(),
      model: r.model,
      credits: rng.int(1, 900) / 100,
      tokens: { input: r.input, output: r.output, total: r.input + r.output },
      operationType: 'inference',
      fromMessageId: 2 * i,
      toMessageId: 2 * i + 1,
    })),
  }
}

/** A last exchange that bills nothing: cancelled with zero usage, or still streaming (no usage yet). */
function unbilledTail(thread: Thread, rng: Rng, clock: Clock, model: string, state: 'cancelled' | 'streaming'): void {
  const id = thread.messages.length
  const ts = tick(rng, clock, 5_000, 60_000)
  thread.messages.push({ role: 'user', messageId: id, content: [{ type: 'text', text: '(prompt)' }], meta: { sentAt: ts - 2_000 } })
  const zero = { model, inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, totalInputTokens: 0, timestamp: new Date(ts).toISOString() }
  thread.messages.push({ role: 'assistant', messageId: id + 1, content: [], state: { type: state }, ...(state === 'cancelled' ? { usage: zero } : {}) })
}

/**
 * Writes Amp threads `<dir>/.local/share/amp/threads/T-<uuid>.json` (agent-formats.md §9) holding exactly
 * `requests` billable requests, usage on the assistant messages (e2e/harness/agent-lines.ts). Some threads
 * use the older schema with a `usageLedger` beside the message usage, some end in a cancelled (zero-usage)
 * or still-streaming reply, and a few threads are torn mid-rewrite (extra files, nothing to count).
 */
export function generateAmp(opts: AgentCorpusOptions): ProviderCorpus {
  const rng = createRng(opts.seed)
  const expected = emptyTotals()
  const stats = emptyStats()
  const root = join(opts.dir, '.local', 'share', 'amp', 'threads')
  let remaining = opts.requests
  // The first threads are an older-schema one, a torn copy, a cancelled and a streaming tail: every case, even when small.
  for (let index = 0; remaining > 0; index++) {
    const n = Math.min(remaining, rng.int(1, 40))
    const clock: Clock = { ts: sessionStart(rng, opts.startMs, opts.days) }
    const createdAt = clock.ts
    const id = `T-${rng.uuid()}`
    let model = rng.pick(MODELS)
    const requests: AmpRequest[] = []
    let context = 0
    for (let i = 0; i < n; i++) {
      if (rng.chance(0.1)) model = rng.pick(MODELS)
      const r = nextRequest(rng, tick(rng, clock, 5_000, 150_000), model, context)
      context = context > 250_000 ? 0 : context + r.cacheWrite + r.input + rng.int(100, 3_000)
      requests.push(r)
      assertSameDay(createdAt, r.at.getTime())
      addRequest(expected, r.at.getTime(), r.model, { input: r.input, output: r.output, cacheRead: r.cacheRead, cacheWrite5m: r.cacheWrite, cacheWrite1h: 0, reasoning: 0 })
    }
    let text = ampThread(id, new Date(createdAt), `/home/dev/code/${rng.pick(PROJECTS)}`, requests)
    const older = index === 0 || rng.chance(0.25)
    const tail = index === 1 || rng.chance(0.03) ? 'cancelled' : index === 2 || rng.chance(0.1) ? 'streaming' : null
    if (older || tail !== null) {
      const thread = JSON.parse(text) as Thread
      if (older) {
        thread.usageLedger = ledgerFor(rng, requests)
        stats.duplicateLines += n
      }
      if (tail !== null) unbilledTail(thread, rng, clock, model, tail)
      text = `${JSON.stringify(thread, null, 2)}\n`
    }
    writeTextFile(join(root, `${id}.json`), text, stats)
    if (index === 0 || rng.chance(0.01)) {
      writeTextFile(join(root, `T-${rng.uuid()}.json`), text.slice(0, Math.floor(text.length / 2)), stats)
      stats.malformedLines++
    }
    remaining -= n
  }
  return { expected, stats }
}
