import { describe, expect, it } from 'vitest'
import { parseDroidFile } from './parse.ts'
import { bytesOf, fileRef, MTIME, ROOT, SESSION_ID, settings, usage } from './test-settings.ts'

const parse = (text: string, file = fileRef()) => parseDroidFile(bytesOf(text), file, null)

describe('parseDroidFile', () => {
  const r = parse(settings(usage(12000, 3400, 5000, 80000, 600)))

  it('emits the session total as one running-total event keyed by session id', () => {
    expect(r.events.map((e) => [e.cumulativeKey, e.dedupeKey, e.sessionId, e.tokens])).toEqual([
      [
        `droid:${SESSION_ID}`,
        `droid:${SESSION_ID}`,
        SESSION_ID,
        { input: 12000, output: 4000, cacheRead: 80000, cacheWrite5m: 5000, cacheWrite1h: 0, reasoning: 600 },
      ],
    ])
  })

  it('stamps model, project folder, account, provenance and the file time', () => {
    expect(r.events.map((e) => [e.provider, e.modelRaw, e.project, e.account, e.sourcePath, e.sourceOffset, new Date(e.eventTs).toISOString()])).toEqual([
      ['droid', 'claude-sonnet-4-5-20250929', '-home-dev-shop', ROOT.account, `${ROOT.dir}/-home-dev-shop/${SESSION_ID}.settings.json`, 0, '2026-11-20T10:00:00.000Z'],
    ])
  })

  it('reports no skips and no cost (Droid logs none)', () => {
    expect([r.skips, r.events.map((e) => e.vendorCostUsd)]).toEqual([{}, [null]])
  })

  it('keeps a BYOK model string for the pricing layer to resolve', () => {
    expect(parse(settings(usage(1, 1, 0, 0, 0), { model: 'custom:Claude-Opus-4.5-Thinking-[Anthropic]-0' })).events.map((e) => e.modelRaw)).toEqual([
      'custom:Claude-Opus-4.5-Thinking-[Anthropic]-0',
    ])
  })

  it('labels a session without model as unknown rather than guessing', () => {
    expect(parse(settings(usage(1, 1, 0, 0, 0), { model: undefined })).events.map((e) => e.modelRaw)).toEqual(['unknown'])
  })

  it('has no project for a flat legacy session', () => {
    expect(parse(settings(usage(1, 1, 0, 0, 0)), fileRef(`${SESSION_ID}.settings.json`)).events.map((e) => e.project)).toEqual([null])
  })

  it('dates a read without mtime by providerLockTimestamp', () => {
    expect(parse(settings(usage(1, 1, 0, 0, 0)), fileRef(undefined, null)).events.map((e) => new Date(e.eventTs).toISOString())).toEqual([
      '2026-11-18T08:00:00.000Z',
    ])
  })

  const full = settings(usage(12000, 3400, 5000, 80000, 600))
  it.each([
    ['a torn file (rewritten while read)', full.slice(0, full.length / 2), MTIME, 'malformed-json'],
    ['an empty file', '', MTIME, 'malformed-json'],
    ['binary junk', '\u0000\u0001\u00ff', MTIME, 'malformed-json'],
    ['a JSON array', '[1,2,3]', MTIME, 'unknown-shape'],
    ['JSON null', 'null', MTIME, 'unknown-shape'],
    ['no tokenUsage', settings(undefined), MTIME, 'no-usage'],
    ['string counts', settings({ inputTokens: '12000' }), MTIME, 'bad-usage'],
    ['an all-zero session', settings(usage(0, 0, 0, 0, 0)), MTIME, 'zero-tokens'],
    ['only totalTokens', settings({ totalTokens: 900 }), MTIME, 'total-only'],
    ['no mtime and a zoneless lock time', settings(usage(1, 1, 0, 0, 0), { providerLockTimestamp: '2026-11-18T08:00:00' }), null, 'no-timestamp'],
  ])('%s is a counted skip, not a throw', (_, text, mtime, reason) => {
    const res = parse(text, fileRef(undefined, mtime))
    expect([res.events.length, res.skips]).toEqual([0, { [reason]: 1 }])
  })
})
