import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { geminiRoots } from './paths.ts'

const ctx = (platform: DiscoveryContext['platform'], home: string, env: Record<string, string | undefined> = {}): DiscoveryContext => ({ home, env, platform })

describe('geminiRoots', () => {
  it.each([
    ['Linux', ctx('linux', '/home/dev'), '/home/dev/.gemini'],
    ['macOS', ctx('darwin', '/Users/dev'), '/Users/dev/.gemini'],
    ['Windows (%USERPROFILE%\\.gemini)', ctx('win32', 'C:\\Users\\dev'), 'C:\\Users\\dev\\.gemini'],
  ])('defaults to ~/.gemini/tmp on %s', (_, context, account) => {
    const sep = context.platform === 'win32' ? '\\' : '/'
    expect(geminiRoots(context)).toEqual([{ dir: `${account}${sep}tmp`, account }])
  })

  it.each([
    ['Linux', ctx('linux', '/home/dev', { GEMINI_CLI_HOME: '/srv/profiles/work' }), '/srv/profiles/work/.gemini/tmp'],
    ['macOS', ctx('darwin', '/Users/dev', { GEMINI_CLI_HOME: '/Users/dev/profiles/work/' }), '/Users/dev/profiles/work/.gemini/tmp'],
    ['Windows', ctx('win32', 'C:\\Users\\dev', { GEMINI_CLI_HOME: 'D:\\profiles\\work' }), 'D:\\profiles\\work\\.gemini\\tmp'],
    ['a leading tilde', ctx('linux', '/home/dev', { GEMINI_CLI_HOME: '~/profiles/work' }), '/home/dev/profiles/work/.gemini/tmp'],
  ])('treats GEMINI_CLI_HOME as the directory that contains .gemini on %s', (_, context, dir) => {
    expect(geminiRoots(context).map((r) => r.dir)).toEqual([dir])
  })

  it('labels the account with the .gemini directory of GEMINI_CLI_HOME', () => {
    expect(geminiRoots(ctx('linux', '/home/dev', { GEMINI_CLI_HOME: '/srv/work' })).map((r) => r.account)).toEqual(['/srv/work/.gemini'])
  })

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['unset', undefined],
  ])('falls back to the home when GEMINI_CLI_HOME is %s', (_, value) => {
    expect(geminiRoots(ctx('linux', '/home/dev', { GEMINI_CLI_HOME: value })).map((r) => r.dir)).toEqual(['/home/dev/.gemini/tmp'])
  })

  it('ignores ccusage-only variables', () => {
    expect(geminiRoots(ctx('linux', '/home/dev', { GEMINI_DATA_DIR: '/srv/x' })).map((r) => r.dir)).toEqual(['/home/dev/.gemini/tmp'])
  })
})
