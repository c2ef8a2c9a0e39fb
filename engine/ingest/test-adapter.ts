import type { JsonlAdapter } from '../../common/adapter-contract.ts'
import type { UsageEvent } from '../../common/usage-event.ts'

/**
 * A minimal JSONL adapter for testing the engine's file mechanics in isolation from any real agent
 * format: each line `{"id":"a","ts":…,"out":N}` is one request with N output tokens; anything else is a
 * counted `malformed` skip. State counts lines seen, to prove the cursor is carried across reads.
 */
export const lineAdapter: JsonlAdapter<{ lines: number }> = {
  kind: 'jsonl',
  provider: 'claude',
  parserVersion: 1,
  roots: (ctx) => [{ dir: `${ctx.home}/logs`, account: `${ctx.home}/logs` }],
  isSourceFile: (rel) => rel.endsWith('.jsonl') || rel.endsWith('.jsonl.zst'),
  compressedSuffix: '.zst',
  initialState: () => ({ lines: 0 }),
  parseLines(bytes, baseOffset, file, state) {
    const events: UsageEvent[] = []
    const skips: Record<string, number> = {}
    let lines = state.lines
    let start = 0
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    while (start < text.length) {
      const nl = text.indexOf(10, start)
      const end = nl < 0 ? text.length : nl
      const line = text.toString('utf8', start, end)
      lines++
      try {
        const v = JSON.parse(line) as { id?: unknown; ts?: unknown; out?: unknown }
        if (typeof v.id !== 'string' || typeof v.ts !== 'number' || typeof v.out !== 'number') throw new Error('shape')
        events.push({
          eventTs: v.ts,
          provider: 'claude',
          modelRaw: 'test-model',
          sessionId: 's',
          requestId: null,
          messageId: null,
          isSidechain: false,
          project: null,
          account: file.root.account,
          tokens: { input: 1, output: v.out, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
          vendorCostUsd: null,
          dedupeKey: `test:${v.id}`,
          sourcePath: file.path,
          sourceOffset: baseOffset + start,
          parserVersion: 1,
        })
      } catch {
        skips.malformed = (skips.malformed ?? 0) + 1
      }
      start = end + 1
    }
    return { events, limits: [], skips, state: { lines } }
  },
}
