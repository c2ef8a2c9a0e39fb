import type { ParseResult, SourceFileRef } from '../../common/adapter-contract.ts'
import { isRecord, nonEmptyString, type JsonRecord } from './json.ts'
import { MAX_LINEAGE, parentThreadId } from './lineage.ts'
import { markedLines } from '../shared/line-scan.ts'
import { modelFromPayload } from './model.ts'
import { bump } from './skips.ts'
import type { CodexState } from './state.ts'
import { readTokenCount, type Sink } from './token-count.ts'

/** Only lines carrying one of these can matter; everything else (model I/O text) is never decoded. */
const MARKERS = ['"token_count"', '"turn_context"', '"session_meta"'].map((m) => Buffer.from(m))
/**
 * Codex writes `{"timestamp":…,"type":"response_item",…}` with the type first; a marker found inside such
 * a line is quoted model text, so the line is dropped without decoding it.
 */
const RESPONSE_ITEM = Buffer.from('"type":"response_item"')
const HEAD_BYTES = 96

/**
 * Parses complete rollout lines `{timestamp, type, payload}` starting at file offset `baseOffset`. Never
 * throws: a bad line is a counted skip. `state` is not mutated; the updated cursor is returned.
 */
export function parseCodexLines(bytes: Uint8Array, baseOffset: number, file: SourceFileRef, state: CodexState): ParseResult<CodexState> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const st = structuredClone(state)
  const out: Sink = { events: [], limits: [], skips: {} }
  for (const { start, end } of markedLines(buf, MARKERS)) {
    if (isResponseItem(buf, start, end)) continue
    let line: unknown
    try {
      line = JSON.parse(buf.toString('utf8', start, end))
    } catch {
      bump(out.skips, 'malformed-json')
      continue
    }
    readLine(line, baseOffset + start, file, st, out)
  }
  return { ...out, state: st }
}

function isResponseItem(buf: Buffer, start: number, end: number): boolean {
  return buf.subarray(start, Math.min(end, start + HEAD_BYTES)).includes(RESPONSE_ITEM)
}

function readLine(line: unknown, offset: number, file: SourceFileRef, st: CodexState, out: Sink): void {
  if (!isRecord(line)) {
    bump(out.skips, 'unknown-shape')
    return
  }
  const type = line['type']
  if (type !== 'session_meta' && type !== 'turn_context' && type !== 'event_msg') return
  const payload = line['payload']
  if (!isRecord(payload)) {
    bump(out.skips, 'unknown-shape')
    return
  }
  if (type === 'session_meta') readSessionMeta(payload, st, out)
  else if (type === 'turn_context') readTurnContext(payload, st)
  else if (payload['type'] === 'token_count') readTokenCount(payload, line['timestamp'], offset, file, st, out)
}

/**
 * A fork's rollout holds its own session_meta first, then copies of its ancestors' (the parent's rollout
 * is replayed whole). Every meta feeds the lineage used to find the root thread; only the rollout's own
 * meta sets the session's header facts. A copied meta of another thread is itself proof of a replay, so
 * when the own meta names no parent (older builds) the first foreign meta is taken as the parent.
 */
function readSessionMeta(payload: JsonRecord, st: CodexState, out: Sink): void {
  const id = nonEmptyString(payload['id'])
  if (id === null) {
    bump(out.skips, 'bad-session-meta')
    return
  }
  st.sessionId ??= id
  link(st, id, parentThreadId(payload))
  if (id !== st.sessionId) {
    link(st, st.sessionId, id)
    return
  }
  if (st.ownMetaSeen) return
  st.ownMetaSeen = true
  st.forkedFromId = parentThreadId(payload)
  st.project = nonEmptyString(payload['cwd']) ?? st.project
}

/** Records `child → parent` unless the child already has one; bounded so the cursor stays small. */
function link(st: CodexState, child: string, parent: string | null): void {
  if (parent === null || parent === child || Object.hasOwn(st.lineage, child)) return
  if (Object.keys(st.lineage).length < MAX_LINEAGE) st.lineage[child] = parent
}

function readTurnContext(payload: JsonRecord, st: CodexState): void {
  st.model = modelFromPayload(payload) ?? st.model
  st.project = nonEmptyString(payload['cwd']) ?? st.project
}
