import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { droidRoots } from './paths.ts'

const ctx = (platform: DiscoveryContext['platform'], home: string, env: Record<string, string> = {}): DiscoveryContext => ({ home, env, platform })

describe('droidRoots', () => {
  it.each([
    ['linux', ctx('linux', '/home/dev'), { dir: '/home/dev/.factory/sessions', account: '/home/dev/.factory' }],
    ['macOS', ctx('darwin', '/Users/dev'), { dir: '/Users/dev/.factory/sessions', account: '/Users/dev/.factory' }],
    ['Windows', ctx('win32', 'C:\\Users\\dev'), { dir: 'C:\\Users\\dev\\.factory\\sessions', account: 'C:\\Users\\dev\\.factory' }],
  ])('%s: ~/.factory/sessions', (_, c, root) => {
    expect(droidRoots(c)).toEqual([root])
  })

  it('ignores ccusage-only variables (Droid itself has no override)', () => {
    expect(droidRoots(ctx('linux', '/home/dev', { DROID_SESSIONS_DIR: '/elsewhere', XDG_DATA_HOME: '/xdg' }))).toEqual([
      { dir: '/home/dev/.factory/sessions', account: '/home/dev/.factory' },
    ])
  })
})
