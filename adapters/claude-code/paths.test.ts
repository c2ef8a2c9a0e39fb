import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { roots } from './paths.ts'

const linux = (env: Record<string, string> = {}): DiscoveryContext => ({ home: '/home/u', env, platform: 'linux' })
const darwin = (env: Record<string, string> = {}): DiscoveryContext => ({ home: '/Users/u', env, platform: 'darwin' })
const win = (env: Record<string, string> = {}): DiscoveryContext => ({ home: 'C:\\Users\\u', env, platform: 'win32' })

describe('claude roots', () => {
  it.each([
    [
      'linux defaults: ~/.claude and ~/.config/claude',
      linux(),
      [
        { dir: '/home/u/.claude/projects', account: '/home/u/.claude' },
        { dir: '/home/u/.config/claude/projects', account: '/home/u/.config/claude' },
      ],
    ],
    [
      'darwin defaults',
      darwin(),
      [
        { dir: '/Users/u/.claude/projects', account: '/Users/u/.claude' },
        { dir: '/Users/u/.config/claude/projects', account: '/Users/u/.config/claude' },
      ],
    ],
    [
      'win32 defaults use the same .claude under the profile',
      win(),
      [
        { dir: 'C:\\Users\\u\\.claude\\projects', account: 'C:\\Users\\u\\.claude' },
        { dir: 'C:\\Users\\u\\.config\\claude\\projects', account: 'C:\\Users\\u\\.config\\claude' },
      ],
    ],
    [
      'XDG_CONFIG_HOME moves the second default',
      linux({ XDG_CONFIG_HOME: '/xdg' }),
      [
        { dir: '/home/u/.claude/projects', account: '/home/u/.claude' },
        { dir: '/xdg/claude/projects', account: '/xdg/claude' },
      ],
    ],
    [
      'a relative XDG_CONFIG_HOME is ignored (XDG spec)',
      linux({ XDG_CONFIG_HOME: 'rel/xdg' }),
      [
        { dir: '/home/u/.claude/projects', account: '/home/u/.claude' },
        { dir: '/home/u/.config/claude/projects', account: '/home/u/.config/claude' },
      ],
    ],
    [
      'CLAUDE_CONFIG_DIR replaces both defaults',
      linux({ CLAUDE_CONFIG_DIR: '/work/claude-a', XDG_CONFIG_HOME: '/xdg' }),
      [{ dir: '/work/claude-a/projects', account: '/work/claude-a' }],
    ],
    [
      'CLAUDE_CONFIG_DIR list with a projects/ entry, spaces, a trailing slash and ~',
      linux({ CLAUDE_CONFIG_DIR: '/a/claude , /b/claude/projects/, ~/.claude-work,' }),
      [
        { dir: '/a/claude/projects', account: '/a/claude' },
        { dir: '/b/claude/projects', account: '/b/claude' },
        { dir: '/home/u/.claude-work/projects', account: '/home/u/.claude-work' },
      ],
    ],
    [
      'duplicate entries are listed once',
      linux({ CLAUDE_CONFIG_DIR: '/a/claude,/a/claude/projects' }),
      [{ dir: '/a/claude/projects', account: '/a/claude' }],
    ],
    [
      'blank CLAUDE_CONFIG_DIR falls back to defaults',
      linux({ CLAUDE_CONFIG_DIR: ' , ' }),
      [
        { dir: '/home/u/.claude/projects', account: '/home/u/.claude' },
        { dir: '/home/u/.config/claude/projects', account: '/home/u/.config/claude' },
      ],
    ],
    [
      'win32 CLAUDE_CONFIG_DIR entries, either spelling, case-folded duplicates dropped',
      win({ CLAUDE_CONFIG_DIR: 'D:\\claude\\projects,d:\\Claude,~\\.claude-alt' }),
      [
        { dir: 'D:\\claude\\projects', account: 'D:\\claude' },
        { dir: 'C:\\Users\\u\\.claude-alt\\projects', account: 'C:\\Users\\u\\.claude-alt' },
      ],
    ],
  ])('%s', (_name, ctx, expected) => {
    expect(roots(ctx)).toEqual(expected)
  })
})
