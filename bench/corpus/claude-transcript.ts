import type { TokenCounts } from '../../common/tokens.ts'
import { agentProgress, assistant, fileHistorySnapshot, iso, summaryLine, syntheticError, toolResult, userPrompt, type Envelope } from './claude-lines.ts'
import { nextUsage, partialCopy, type UsageState } from './claude-usage.ts'
import { toolOutput, toolUse, type ToolUse } from './claude-tools.ts'
import type { CorpusStats } from './expected.ts'
import type { Filler } from './filler.ts'
import type { LineWriter } from './jsonl-writer.ts'
import type { Rng } from './prng.ts'
import { tick, type Clock } from './schedule.ts'

type Json = Record<string, unknown>

/** Everything one transcript file (main session or subagent) is written with. */
export interface Transcript {
  rng: Rng
  filler: Filler
  clock: Clock
  writer: LineWriter
  env: Envelope
  usage: UsageState
  model: string
  /** Re-serialized with spaces (`"usage": {`): readers that match exact bytes miss these lines. */
  respaced: boolean
  lastUuid: string | null
  stats: CorpusStats
  onRequest(ts: number, model: string, tokens: TokenCounts): void
  openSubagent(agentId: string): LineWriter
}

interface Written {
  line: Json
  tool: ToolUse | null
}

const MALFORMED = [
  '{"type":"assistant","message":{"id":"msg_01trunc","usage":{"input_tokens":12,"output_',
  'not json at all',
  '',
  '[1,2,3]',
  'null',
  '{"type":"assistant","message":{"id":"msg_01bad","model":"claude-sonnet-4-5-20250929","usage":"n/a"},"requestId":"req_bad"}',
  '\u0000\u0000\u0000\u0000',
]

function emit(t: Transcript, obj: Json): void {
  const s = JSON.stringify(obj)
  t.writer.line(t.respaced ? s.replace(/":/g, '": ').replace(/,"/g, ', "') : s)
}

/** One API request: 1–3 streamed copies sharing message.id + requestId, earlier ones with partial output. */
function writeRequest(t: Transcript, endsTurn: boolean, toolName?: string): Written {
  const { rng, filler } = t
  const copies = rng.chance(0.35) ? 1 : rng.chance(0.6) ? 2 : 3
  const messageId = 'msg_01' + rng.b62(22)
  const requestId = 'req_011C' + rng.b62(21)
  const u = nextUsage(rng, t.usage)
  const tool = endsTurn ? null : toolUse(rng, filler, toolName)
  let finalLine: Json = {}
  for (let j = 0; j < copies; j++) {
    const final = j === copies - 1
    const block: Json =
      final && tool !== null ? tool.block
      : final || rng.chance(0.5) ? { type: 'text', text: filler.text(rng, rng.int(40, 500)) }
      : { type: 'thinking', thinking: filler.text(rng, rng.int(100, 1_000)), signature: filler.blob(rng, rng.int(200, 500)) }
    const usage = final ? u.final : partialCopy(rng, u.final)
    if (!final && rng.chance(0.005)) usage.output_tokens = String(usage.output_tokens)
    const ts = tick(rng, t.clock, 50, 3_000)
    const uuid = rng.uuid()
    const line = assistant(t.env, t.lastUuid, uuid, ts, { messageId, requestId, model: t.model, block, usage, final })
    t.lastUuid = uuid
    if (final) {
      emit(t, line)
      finalLine = line
      t.onRequest(ts, t.model, u.tokens)
    } else if (rng.chance(0.01)) {
      const s = JSON.stringify(line)
      t.writer.line(s.slice(0, rng.int(20, s.length - 2)))
      t.stats.malformedLines++
    } else {
      emit(t, line)
      t.stats.duplicateLines++
    }
  }
  return { line: finalLine, tool }
}

function writeToolResult(t: Transcript, tool: ToolUse, extra?: Json): void {
  const { output, result } = toolOutput(t.rng, t.filler, tool)
  const uuid = t.rng.uuid()
  emit(t, toolResult(t.env, t.lastUuid, uuid, tick(t.rng, t.clock, 300, 12_000), tool.id, output, { ...result, ...extra }))
  t.lastUuid = uuid
}

function writePrompt(t: Transcript): void {
  const uuid = t.rng.uuid()
  const ts = tick(t.rng, t.clock, 5_000, 120_000)
  if (!t.env.isSidechain && t.rng.chance(0.5)) emit(t, fileHistorySnapshot(t.rng, ts))
  emit(t, userPrompt(t.env, t.lastUuid, uuid, ts, t.filler.text(t.rng, t.rng.int(30, 1_000))))
  t.lastUuid = uuid
}

/** Noise after a request: sidechain replays, API-error notices, malformed lines. */
function writeNoise(t: Transcript, last: Json): void {
  const { rng } = t
  if (rng.chance(0.004)) {
    const uuid = rng.uuid()
    emit(t, { ...last, isSidechain: true, uuid, requestId: 'req_011C' + rng.b62(21), timestamp: iso(tick(rng, t.clock, 100, 2_000)) })
    t.stats.duplicateLines++
  }
  if (rng.chance(0.002)) emit(t, syntheticError(t.env, t.lastUuid, rng.uuid(), tick(rng, t.clock, 100, 2_000), rng))
  if (rng.chance(0.003)) {
    t.writer.line(rng.pick(MALFORMED))
    t.stats.malformedLines++
  }
}

/** A Task call: the parent request, `k` subagent requests in their own file, mirrors, and the summary result. */
function writeTask(t: Transcript, k: number): void {
  const { rng } = t
  const parent = writeRequest(t, false, 'Task')
  const agentId = rng.hex(8)
  const writer = t.openSubagent(agentId)
  const finals: Json[] = []
  const sum = { input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 0 }
  const sub: Transcript = {
    ...t,
    writer,
    env: { ...t.env, isSidechain: true, agentId },
    usage: { ...t.usage, context: 0 },
    model: rng.chance(0.4) ? 'claude-haiku-4-5-20251001' : t.model,
    respaced: false,
    lastUuid: null,
    onRequest: (ts, model, tokens) => {
      sum.input_tokens += tokens.input
      sum.cache_creation_input_tokens += tokens.cacheWrite5m + tokens.cacheWrite1h
      sum.cache_read_input_tokens += tokens.cacheRead
      sum.output_tokens += tokens.output
      t.onRequest(ts, model, tokens)
    },
  }
  writePrompt(sub)
  for (let i = 0; i < k; i++) {
    const w = writeRequest(sub, i === k - 1)
    finals.push(w.line)
    if (w.tool !== null) writeToolResult(sub, w.tool)
  }
  writer.close()
  t.stats.bytes += writer.stats.bytes
  t.stats.lines += writer.stats.lines
  if (!t.env.version.startsWith('1.') && rng.chance(0.6)) {
    for (const mirrored of finals) {
      const uuid = rng.uuid()
      emit(t, agentProgress(t.env, t.lastUuid, uuid, Date.parse(String(mirrored['timestamp'])), mirrored))
      t.stats.duplicateLines++
    }
  }
  const tool = parent.tool ?? toolUse(rng, t.filler, 'Task')
  const summary = { status: 'completed', agentId, totalDurationMs: rng.int(5_000, 600_000), totalToolUseCount: k - 1 }
  writeToolResult(t, tool, { ...summary, totalTokens: sum.input_tokens + sum.cache_creation_input_tokens + sum.cache_read_input_tokens + sum.output_tokens, usage: { ...sum, service_tier: 'standard' } })
}

/** Writes one main-session transcript holding exactly `n` billable requests (subagents included). */
export function writeTranscript(t: Transcript, n: number): void {
  const { rng } = t
  for (let i = rng.chance(0.2) ? rng.int(1, 3) : 0; i > 0; i--) emit(t, summaryLine(rng, t.filler))
  let left = n
  let needPrompt = true
  while (left > 0) {
    if (needPrompt) {
      if (rng.chance(0.02)) t.model = rng.chance(0.5) ? 'claude-opus-4-1-20250805' : 'claude-sonnet-4-5-20250929'
      writePrompt(t)
      needPrompt = false
    }
    if (left >= 4 && rng.chance(0.02)) {
      const k = rng.int(2, Math.min(12, left - 1))
      writeTask(t, k)
      left -= k + 1
      continue
    }
    const endsTurn = left === 1 || rng.chance(0.2)
    const w = writeRequest(t, endsTurn)
    left--
    writeNoise(t, w.line)
    if (w.tool !== null) writeToolResult(t, w.tool)
    else needPrompt = true
  }
}
