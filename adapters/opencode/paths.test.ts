import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { opencodeDbRoots, opencodeLegacyRoots } from './paths.ts'

const ctx = (env: Record<string, string | undefined>, platform: DiscoveryContext['platform'] = 'linux', home = '/home/dev'): DiscoveryContext => ({ home, env, platform })

describe('opencode roots', () => {
  it.each([
    ['Linux', ctx({}), '/home/dev/.local/share/opencode'],
    ['macOS (xdg-basedir does not branch: not ~/Library)', ctx({}, 'darwin', '/Users/dev'), '/Users/dev/.local/share/opencode'],
    ['Windows (%USERPROFILE%\\.local\\share, not %APPDATA%)', ctx({}, 'win32', 'C:\\Users\\dev'), 'C:\\Users\\dev\\.local\\share\\opencode'],
    ['XDG_DATA_HOME', ctx({ XDG_DATA_HOME: '/data/xdg' }), '/data/xdg/opencode'],
    ['XDG_DATA_HOME on Windows', ctx({ XDG_DATA_HOME: 'D:\\xdg' }, 'win32', 'C:\\Users\\dev'), 'D:\\xdg\\opencode'],
    ['a relative XDG_DATA_HOME (invalid, ignored)', ctx({ XDG_DATA_HOME: 'xdg' }), '/home/dev/.local/share/opencode'],
    ['a blank XDG_DATA_HOME', ctx({ XDG_DATA_HOME: ' ' }), '/home/dev/.local/share/opencode'],
  ])('finds the database dir on %s', (_, c, data) => {
    expect(opencodeDbRoots(c)).toEqual([{ dir: data, account: data, depth: 0 }])
  })

  it('puts the legacy message files under <data>/storage/message', () => {
    expect(opencodeLegacyRoots(ctx({}, 'win32', 'C:\\Users\\dev'))).toEqual([
      { dir: 'C:\\Users\\dev\\.local\\share\\opencode\\storage\\message', account: 'C:\\Users\\dev\\.local\\share\\opencode' },
    ])
  })

  it.each([
    ['an absolute OPENCODE_DB elsewhere', '/srv/oc/work.db', ['/home/dev/.local/share/opencode', '/srv/oc']],
    ['a relative OPENCODE_DB (resolved against the data dir)', 'dbs/dev.db', ['/home/dev/.local/share/opencode', '/home/dev/.local/share/opencode/dbs']],
    ['an OPENCODE_DB inside the data dir', 'opencode-dev.db', ['/home/dev/.local/share/opencode']],
    ['OPENCODE_DB=:memory: (no file)', ':memory:', ['/home/dev/.local/share/opencode']],
  ])('honours %s', (_, value, dirs) => {
    const roots = opencodeDbRoots(ctx({ OPENCODE_DB: value }))
    expect(roots.map((r) => r.dir)).toEqual(dirs)
    expect(new Set(roots.map((r) => r.account))).toEqual(new Set(['/home/dev/.local/share/opencode']))
  })

  it('compares an OPENCODE_DB dir with the data dir case-insensitively on Windows', () => {
    expect(opencodeDbRoots(ctx({ OPENCODE_DB: 'c:\\users\\dev\\.local\\share\\opencode\\x.db' }, 'win32', 'C:\\Users\\dev')).length).toBe(1)
  })
})
