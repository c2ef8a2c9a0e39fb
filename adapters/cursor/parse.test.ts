import { describe, expect, it } from 'vitest'
import { totalTokens } from '../../common/tokens.ts'
import { parseCursorCsv, readCursorExport } from './parse.ts'
import { bytesOf, csv, FILE, HEADERS, ROOT, row, TOKSCALE_CSV, type RowSpec } from './test-csv.ts'

const read = (text: string) => readCursorExport(bytesOf(text), FILE)
const events = (text: string) => parseCursorCsv(bytesOf(text), FILE, null).events

describe("tokscale's real-format rows", () => {
  const [auto, codex] = events(TOKSCALE_CSV)

  it('keeps the four token columns disjoint: 28342 + 775 + 105891 + 21282 = 156290', () => {
    expect([auto!.tokens, totalTokens(auto!.tokens)]).toEqual([{ input: 775, cacheWrite5m: 28342, cacheRead: 105891, output: 21282, cacheWrite1h: 0, reasoning: 0 }, 156290])
  })

  it("does not take 'w/o' away from 'w/ Cache Write' (other readers get 27567 cache writes here)", () => {
    expect(auto!.tokens.cacheWrite5m).toBe(28342)
  })

  it("keeps Cursor's model label, the instant and Cursor's own cost", () => {
    expect([auto, codex].map((e) => [e!.modelRaw, new Date(e!.eventTs).toISOString(), e!.vendorCostUsd, totalTokens(e!.tokens)])).toEqual([
      ['auto', '2025-11-13T18:36:05.846Z', 0.19, 156290],
      ['gpt-5-codex', '2025-11-13T13:35:04.658Z', 0.03, 76839],
    ])
  })

  it('labels the rows as the import folder account, no project, one export session, row line as offset', () => {
    expect([auto, codex].map((e) => [e!.provider, e!.account, e!.project, e!.sessionId, e!.sourcePath, e!.sourceOffset])).toEqual([
      ['cursor', ROOT.account, null, 'cursor-export', FILE.path, 2],
      ['cursor', ROOT.account, null, 'cursor-export', FILE.path, 3],
    ])
  })

  it("keeps each row's Kind", () => {
    expect(read(TOKSCALE_CSV).usage.map((u) => u.row.kind)).toEqual(['Included', 'On-Demand'])
  })
})

describe('every header variant reads the same row the same way', () => {
  const spec: RowSpec = { date: '2025-11-20T09:15:00.000Z', model: 'claude-4.5-sonnet-thinking', tokens: [1200, 300, 45000, 800], cost: '$0.42' }
  const variants = Object.keys(HEADERS) as Array<keyof typeof HEADERS>

  it.each(variants)('%s', (variant) => {
    const [e] = events(csv(variant, [spec]))
    expect([e!.tokens, e!.vendorCostUsd, new Date(e!.eventTs).toISOString(), e!.modelRaw]).toEqual([
      { input: 300, cacheWrite5m: 1200, cacheRead: 45000, output: 800, cacheWrite1h: 0, reasoning: 0 },
      0.42,
      '2025-11-20T09:15:00.000Z',
      'claude-4.5-sonnet-thinking',
    ])
  })

  it('gives the same dedupe key in every variant, so overlapping exports of different vintages merge', () => {
    expect(new Set(variants.map((v) => events(csv(v, [spec]))[0]!.dedupeKey)).size).toBe(1)
  })

  it('puts a team export row under its member', () => {
    expect(events(csv('team', [{ ...spec, user: 'ana@example.com' }]))[0]!.account).toBe(`${ROOT.account} (ana@example.com)`)
  })
})

describe('dedupe keys', () => {
  const spec: RowSpec = { date: '2025-02-05', model: 'gpt-4o', tokens: [0, 500, 0, 100] }

  it('two identical rows in one export are two requests', () => {
    expect(events(csv('old', [spec, spec])).map((e) => e.dedupeKey.slice(-2))).toEqual(['#0', '#1'])
  })

  it('the same instant written with Z or +00:00 is the same row', () => {
    const keyOf = (date: string) => events(csv('kinds', [{ ...spec, date }]))[0]!.dedupeKey
    expect(keyOf('2025-11-13T18:36:05.846+00:00')).toBe(keyOf('2025-11-13T18:36:05.846Z'))
  })

  it.each([
    ['another instant', { date: '2025-02-06' }],
    ['another model', { model: 'gpt-4o-mini' }],
    ['other tokens', { tokens: [0, 501, 0, 100] as RowSpec['tokens'] }],
  ])('%s is another row', (_, change) => {
    expect(events(csv('old', [spec, { ...spec, ...change }])).map((e) => e.dedupeKey.slice(-2))).toEqual(['#0', '#0'])
  })
})

describe('rows that are not billable usage are counted skips', () => {
  const ok: RowSpec = { date: '2025-11-20T09:15:00.000Z', model: 'composer-1', tokens: [0, 100, 0, 10] }
  it.each([
    ['an errored row without tokens', row('kinds', { ...ok, tokens: [0, 0, 0, 0], kind: 'Errored, No Charge', cost: '0' }), 'zero-tokens'],
    ['an aborted row without tokens', row('kinds', { ...ok, tokens: [0, 0, 0, 0], kind: 'Aborted, Not Charged', cost: '0' }), 'zero-tokens'],
    ['a total that is not the sum of the four columns', row('kinds', { ...ok, total: 999 }), 'total-mismatch'],
    ['an unreadable total', row('kinds', { ...ok, total: 'n/a' }), 'total-mismatch'],
    ['a fractional token count', row('kinds', { ...ok, tokens: [0, 1.5, 0, 10] }), 'bad-tokens'],
    ['a negative token count', row('kinds', { ...ok, tokens: [0, -100, 0, 10], total: -90 }), 'bad-tokens'],
    ['an unreadable date', row('kinds', { ...ok, date: '13/11/2025' }), 'bad-date'],
    ['an empty model', row('kinds', { ...ok, model: ' ' }), 'no-model'],
    ['a row cut short', '"2025-11-20T09:15:00.000Z","Included","composer-1"', 'short-row'],
    ['a row with extra values', `${row('kinds', ok)},"surprise"`, 'malformed-row'],
    ['broken quoting', row('kinds', ok).replace('"composer-1"', '"composer-1"x'), 'malformed-row'],
    ['a row cut inside quotes (file being written)', row('kinds', ok).slice(0, -3), 'torn-row'],
  ])('%s', (_, line, reason) => {
    const r = read(`${HEADERS.kinds}\n${row('kinds', ok)}\n${line}`)
    expect([r.usage.length, r.skips]).toEqual([1, { [reason]: 1 }])
  })

  it('keeps an errored row that HAS tokens, at no cost (Cursor did not charge it)', () => {
    const [e] = events(csv('kinds', [{ ...ok, kind: 'Errored, No Charge', cost: '0.05' }]))
    expect([totalTokens(e!.tokens), e!.vendorCostUsd]).toEqual([110, 0])
  })

  it('tolerates a trailing comma (an empty extra cell)', () => {
    expect(read(`${HEADERS.kinds}\n${row('kinds', ok)},\n`).usage.length).toBe(1)
  })

  it('accepts a row without a total', () => {
    expect(read(`${HEADERS.kinds}\n${row('kinds', { ...ok, total: '' })}\n`).usage.length).toBe(1)
  })
})

describe('lenient cost', () => {
  const ok: RowSpec = { date: '2025-11-20T09:15:00.000Z', model: 'composer-1', tokens: [0, 100, 0, 10] }
  it('reads 0.19, $0.12, Free and keeps an unreadable cost unknown (null), not $0', () => {
    const text = csv('kinds', [
      { ...ok, cost: '0.19' },
      { ...ok, date: '2025-11-20T09:16:00.000Z', cost: '$0.12' },
      { ...ok, date: '2025-11-20T09:17:00.000Z', cost: 'Free', kind: 'Free' },
      { ...ok, date: '2025-11-20T09:18:00.000Z', cost: '' },
      { ...ok, date: '2025-11-20T09:19:00.000Z', cost: 'EUR 3,50' },
    ])
    expect(events(text).map((e) => e.vendorCostUsd)).toEqual([0.19, 0.12, 0, null, null])
  })

  it('has no cost when the export has no Cost column', () => {
    const text = 'Date,Model,Input (w/ Cache Write),Input (w/o Cache Write),Cache Read,Output Tokens\n2025-02-05,gpt-4o,10,5,0,15\n'
    expect(events(text).map((e) => [e.vendorCostUsd, totalTokens(e.tokens)])).toEqual([[null, 30]])
  })
})

describe('files that are not usage exports', () => {
  it.each([
    ['another CSV', 'id,name\n1,ana\n', 'missing columns "Date", "Model", "Input (w/ Cache Write)", "Input (w/o Cache Write)", "Cache Read", "Output Tokens"'],
    ['an empty file', '', 'the file is empty'],
  ])('%s: one not-cursor-csv skip and a reason', (_, text, problem) => {
    const r = read(text)
    expect([r.problem, r.usage.length, r.skips]).toEqual([problem, 0, { 'not-cursor-csv': 1 }])
  })

  it('binary junk is a skip, never a throw', () => {
    const r = readCursorExport(new Uint8Array([0, 0xff, 0xfe, 0x22, 0x0a, 0x80]), FILE)
    expect([r.usage.length, r.skips]).toEqual([0, { 'not-cursor-csv': 1 }])
  })
})

describe('file encodings', () => {
  it('reads a Windows export (byte-order mark, CRLF) like a plain one', () => {
    const spec: RowSpec = { date: '2025-11-20T09:15:00.000Z', model: 'composer-1', tokens: [0, 100, 0, 10] }
    expect(events(`\ufeff${csv('kinds', [spec], '\r\n')}`)).toEqual(events(csv('kinds', [spec])))
  })
})
