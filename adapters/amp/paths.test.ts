import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { ampRoots, isAmpSourceFile } from './paths.ts'

const ctx = (platform: DiscoveryContext['platform'], home: string, env: Record<string, string> = {}): DiscoveryContext => ({ home, env, platform })

describe('ampRoots', () => {
  it.each([
    ['linux default', ctx('linux', '/home/dev'), { dir: '/home/dev/.local/share/amp/threads', account: '/home/dev/.local/share/amp' }],
    ['macOS default (Amp uses the XDG layout there too)', ctx('darwin', '/Users/dev'), { dir: '/Users/dev/.local/share/amp/threads', account: '/Users/dev/.local/share/amp' }],
    [
      'Windows default under the profile',
      ctx('win32', 'C:\\Users\\dev'),
      { dir: 'C:\\Users\\dev\\.local\\share\\amp\\threads', account: 'C:\\Users\\dev\\.local\\share\\amp' },
    ],
    ['linux XDG_DATA_HOME', ctx('linux', '/home/dev', { XDG_DATA_HOME: '/data/xdg' }), { dir: '/data/xdg/amp/threads', account: '/data/xdg/amp' }],
    ['macOS XDG_DATA_HOME', ctx('darwin', '/Users/dev', { XDG_DATA_HOME: '/Users/dev/Data' }), { dir: '/Users/dev/Data/amp/threads', account: '/Users/dev/Data/amp' }],
    ['Windows XDG_DATA_HOME', ctx('win32', 'C:\\Users\\dev', { XDG_DATA_HOME: 'D:\\xdg' }), { dir: 'D:\\xdg\\amp\\threads', account: 'D:\\xdg\\amp' }],
    ['a relative XDG_DATA_HOME is ignored (XDG spec)', ctx('linux', '/home/dev', { XDG_DATA_HOME: 'data' }), { dir: '/home/dev/.local/share/amp/threads', account: '/home/dev/.local/share/amp' }],
    ['a blank XDG_DATA_HOME is ignored', ctx('linux', '/home/dev', { XDG_DATA_HOME: '  ' }), { dir: '/home/dev/.local/share/amp/threads', account: '/home/dev/.local/share/amp' }],
    ['ccusage-only AMP_DATA_DIR is not Amp’s', ctx('linux', '/home/dev', { AMP_DATA_DIR: '/x' }), { dir: '/home/dev/.local/share/amp/threads', account: '/home/dev/.local/share/amp' }],
  ])('%s', (_, c, root) => {
    expect(ampRoots(c)).toEqual([root])
  })
})

describe('isAmpSourceFile', () => {
  it.each([
    ['T-5a0c6f2e-8d1b-4c7a-9e3f-2b4d6f8a0c1e.json', true],
    ['T-5a0c6f2e-8d1b-4c7a-9e3f-2b4d6f8a0c1e.json.tmp', false],
    ['T-5a0c6f2e.json.lock', false],
    ['sub/T-5a0c6f2e.json', false],
    ['threads-index.json', false],
    ['T-.json.bak', false],
  ])('%s → %s', (relPath, expected) => {
    expect(isAmpSourceFile(relPath)).toBe(expected)
  })
})
