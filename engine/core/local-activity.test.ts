import Database from 'better-sqlite3'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Engine } from './engine.ts'

const NOW = Date.UTC(2026, 10, 23, 12)

/** A Cursor state.vscdb under a fake Linux home, with planted credentials and prompt text. */
function homeWithCursorState(): string {
  const home = mkdtempSync(join(tmpdir(), 'tl-activity-'))
  const dir = join(home, '.config', 'Cursor', 'User', 'globalStorage')
  mkdirSync(dir, { recursive: true })
  const db = new Database(join(dir, 'state.vscdb'))
  db.exec('CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB); CREATE TABLE cursorDiskKV (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)')
  const put = db.prepare('INSERT INTO cursorDiskKV VALUES (?, ?)')
  put.run('composerData:c1', JSON.stringify({ createdAt: NOW - 3_600_000, modelConfig: { modelName: 'claude-4.5-sonnet' }, text: 'planted-prompt-text' }))
  put.run('bubbleId:c1:b1', JSON.stringify({ type: 1, createdAt: new Date(NOW - 3_500_000).toISOString(), text: 'planted-prompt-text' }))
  put.run('bubbleId:c1:b2', JSON.stringify({ type: 2, createdAt: new Date(NOW - 3_400_000).toISOString(), tokenCount: { inputTokens: 1200, outputTokens: 300 } }))
  db.prepare('INSERT INTO ItemTable VALUES (?, ?)').run('cursorAuth/accessToken', 'planted-secret-access')
  db.close()
  return home
}

describe('Cursor local activity in the snapshot', () => {
  it('is reported apart from usage: conversations and turns counted, no tokens added to totals', () => {
    const engine = new Engine({ dbPath: ':memory:', discovery: { home: homeWithCursorState(), env: {}, platform: 'linux' }, timezone: 'UTC', now: () => NOW })
    engine.ingest()
    const s = engine.snapshot()
    expect(s.localActivity).toMatchObject([
      { provider: 'cursor', conversations: 1, userTurns: 1, assistantTurns: 1, models: [{ model: 'claude-4.5-sonnet', conversations: 1 }], clientReportedTokens: { turnsWithCounts: 1, input: 1200, output: 300 } },
    ])
    expect(s.month.requests).toBe(0)
    expect(s.month.tokens.input).toBe(0)
  })

  it('never carries credentials or prompt text into the snapshot', () => {
    const engine = new Engine({ dbPath: ':memory:', discovery: { home: homeWithCursorState(), env: {}, platform: 'linux' }, timezone: 'UTC', now: () => NOW })
    const json = JSON.stringify(engine.snapshot())
    expect(json).not.toContain('planted-secret')
    expect(json).not.toContain('planted-prompt')
  })
})
