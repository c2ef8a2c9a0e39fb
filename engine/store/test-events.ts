import type { UsageEvent } from '../../common/usage-event.ts'
import type { TokenCounts } from '../../common/tokens.ts'

/** Builds a usage event for tests; only what a test cares about needs to be given. */
export function testEvent(over: Partial<Omit<UsageEvent, 'tokens'>> & { tokens?: Partial<TokenCounts> } = {}): UsageEvent {
  const { tokens, ...rest } = over
  return {
    eventTs: Date.UTC(2026, 10, 20, 10, 0, 0),
    provider: 'claude',
    modelRaw: 'claude-sonnet-4-5-20250929',
    sessionId: 'session-1',
    requestId: 'req_1',
    messageId: 'msg_1',
    isSidechain: false,
    project: '/home/dev/shop',
    account: '/home/dev/.claude',
    vendorCostUsd: null,
    dedupeKey: 'claude:msg_1:req_1',
    sourcePath: '/home/dev/.claude/projects/-home-dev-shop/session-1.jsonl',
    sourceOffset: 0,
    parserVersion: 1,
    ...rest,
    tokens: { input: 10, output: 100, cacheRead: 1000, cacheWrite5m: 0, cacheWrite1h: 200, reasoning: 0, ...tokens },
  }
}
