import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { codexRoots } from './paths.ts'

const ctx = (env: Record<string, string | undefined>, platform: DiscoveryContext['platform'] = 'linux', home = '/home/dev'): DiscoveryContext => ({
  home,
  env,
  platform,
})

describe('codexRoots', () => {
  it('defaults to sessions and archived_sessions under ~/.codex', () => {
    expect(codexRoots(ctx({}))).toEqual([
      { dir: '/home/dev/.codex/sessions', account: '/home/dev/.codex' },
      { dir: '/home/dev/.codex/archived_sessions', account: '/home/dev/.codex' },
    ])
  })

  it('uses %USERPROFILE%\\.codex on Windows', () => {
    expect(codexRoots(ctx({}, 'win32', 'C:\\Users\\dev'))).toEqual([
      { dir: 'C:\\Users\\dev\\.codex\\sessions', account: 'C:\\Users\\dev\\.codex' },
      { dir: 'C:\\Users\\dev\\.codex\\archived_sessions', account: 'C:\\Users\\dev\\.codex' },
    ])
  })

  it.each([
    ['a single CODEX_HOME', '/srv/codex', ['/srv/codex']],
    ['a comma-separated list', '/srv/a, /srv/b', ['/srv/a', '/srv/b']],
    ['a leading tilde and a trailing slash', '~/work-codex/', ['/home/dev/work-codex']],
    ['duplicates and blank entries', '/srv/a,,/srv/a/', ['/srv/a']],
    ['a blank value (default applies)', '  ', ['/home/dev/.codex']],
  ])('honours %s', (_, value, homes) => {
    expect(codexRoots(ctx({ CODEX_HOME: value })).map((r) => r.account)).toEqual(homes.flatMap((h) => [h, h]))
  })

  it('lists two roots per codex home', () => {
    expect(codexRoots(ctx({ CODEX_HOME: '/srv/a,/srv/b' })).map((r) => r.dir)).toEqual([
      '/srv/a/sessions',
      '/srv/a/archived_sessions',
      '/srv/b/sessions',
      '/srv/b/archived_sessions',
    ])
  })

  it('folds case of Windows homes', () => {
    expect(codexRoots(ctx({ CODEX_HOME: 'D:\\Codex,d:\\codex' }, 'win32', 'C:\\Users\\dev')).map((r) => r.dir)).toEqual([
      'D:\\Codex\\sessions',
      'D:\\Codex\\archived_sessions',
    ])
  })
})
