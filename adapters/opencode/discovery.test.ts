import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { discover } from '../../engine/ingest/discover.ts'
import { OPENCODE_ADAPTERS } from './test-ledger.ts'

/** A fake home holding files at the given relative paths. */
function home(files: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-oc-disc-'))
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true })
    writeFileSync(join(dir, f), 'x')
  }
  return dir
}

const INSTALL = [
  '.local/share/opencode/opencode.db',
  '.local/share/opencode/opencode.db-wal',
  '.local/share/opencode/opencode.db-shm',
  '.local/share/opencode/opencode-beta.db',
  '.local/share/opencode/auth.json',
  '.local/share/opencode/mcp-auth.json',
  '.local/share/opencode/log/2026-11-20.log',
  '.local/share/opencode/storage/session/prj_1/ses_1.json',
  '.local/share/opencode/storage/message/ses_1/msg_1.json',
  '.local/share/opencode/storage/part/msg_1/prt_1.json',
  'Library/Application Support/opencode/opencode.db',
]

const found = (h: string, ctx: Omit<DiscoveryContext, 'home'>) => discover(OPENCODE_ADAPTERS, { home: h, ...ctx }).files.map((f) => relative(h, f.file.path)).sort()

describe('OpenCode discovery in a fake home', () => {
  it.each(['linux', 'darwin'] as const)('finds the channel databases and legacy message files on %s (never auth.json, sidecars or part files)', (platform) => {
    const h = home(INSTALL)
    expect(found(h, { env: {}, platform })).toEqual([
      '.local/share/opencode/opencode-beta.db',
      '.local/share/opencode/opencode.db',
      '.local/share/opencode/storage/message/ses_1/msg_1.json',
    ])
  })

  it('follows XDG_DATA_HOME and an OPENCODE_DB outside the data dir', () => {
    const h = home(['xdg/opencode/opencode.db', 'xdg/opencode/storage/message/ses_2/msg_2.json', 'dbs/work.db', '.local/share/opencode/opencode.db'])
    expect(found(h, { env: { XDG_DATA_HOME: join(h, 'xdg'), OPENCODE_DB: join(h, 'dbs', 'work.db') }, platform: 'linux' })).toEqual([
      'dbs/work.db',
      'xdg/opencode/opencode.db',
      'xdg/opencode/storage/message/ses_2/msg_2.json',
    ])
  })
})
