import { describe, expect, it } from 'vitest'
import type { DiscoveryContext } from '../../common/adapter-contract.ts'
import { cursorRoots, cursorStatePaths, isCursorSourceFile } from './paths.ts'

const ctx = (platform: DiscoveryContext['platform'], home: string, env: Record<string, string> = {}): DiscoveryContext => ({ home, env, platform })

describe('cursorRoots: the watched import folder', () => {
  it.each([
    ['linux', ctx('linux', '/home/dev'), '/home/dev/.tokenledger/imports/cursor'],
    ['macOS', ctx('darwin', '/Users/dev'), '/Users/dev/.tokenledger/imports/cursor'],
    ['Windows', ctx('win32', 'C:\\Users\\dev'), 'C:\\Users\\dev\\.tokenledger\\imports\\cursor'],
  ])('%s', (_, c, dir) => {
    expect(cursorRoots(c)).toEqual([{ dir, account: dir }])
  })
})

describe('isCursorSourceFile', () => {
  it.each([
    ['cursor-usage-2025-11-13-0123456789abcdef.csv', true],
    ['usage-events-2025-11-13.CSV', true],
    ['team/usage.csv', true],
    ['.cursor-usage.csv.123.tmp', false],
    ['.hidden.csv', false],
    ['.old/usage.csv', false],
    ['usage.csv.crdownload', false],
    ['usage.xlsx', false],
    ['notes.txt', false],
  ])('%s → %s', (rel, expected) => {
    expect(isCursorSourceFile(rel)).toBe(expected)
  })
})

describe('cursorStatePaths: the global state.vscdb', () => {
  it.each([
    ['macOS', ctx('darwin', '/Users/dev'), '/Users/dev/Library/Application Support/Cursor/User/globalStorage/state.vscdb'],
    ['linux', ctx('linux', '/home/dev'), '/home/dev/.config/Cursor/User/globalStorage/state.vscdb'],
    ['linux with XDG_CONFIG_HOME', ctx('linux', '/home/dev', { XDG_CONFIG_HOME: '/xdg/config' }), '/xdg/config/Cursor/User/globalStorage/state.vscdb'],
    ['linux with a relative XDG_CONFIG_HOME (invalid: ignored)', ctx('linux', '/home/dev', { XDG_CONFIG_HOME: 'config' }), '/home/dev/.config/Cursor/User/globalStorage/state.vscdb'],
    ['Windows with APPDATA', ctx('win32', 'C:\\Users\\dev', { APPDATA: 'D:\\Roaming' }), 'D:\\Roaming\\Cursor\\User\\globalStorage\\state.vscdb'],
    ['Windows without APPDATA (a --home override)', ctx('win32', 'C:\\Users\\dev'), 'C:\\Users\\dev\\AppData\\Roaming\\Cursor\\User\\globalStorage\\state.vscdb'],
    ['macOS ignores XDG_CONFIG_HOME', ctx('darwin', '/Users/dev', { XDG_CONFIG_HOME: '/xdg' }), '/Users/dev/Library/Application Support/Cursor/User/globalStorage/state.vscdb'],
  ])('%s', (_, c, path) => {
    expect(cursorStatePaths(c)).toEqual([path])
  })
})
