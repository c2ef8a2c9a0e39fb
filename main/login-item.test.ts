import { describe, expect, it } from 'vitest'
import { getLaunchAtLogin, loginItemFollower, setLaunchAtLogin } from './login-item.ts'

function fakeApp(openAtLogin = false) {
  const settings: unknown[] = []
  return {
    settings,
    setLoginItemSettings: (s: { openAtLogin?: boolean }) => {
      settings.push(s)
    },
    getLoginItemSettings: () => ({ openAtLogin }),
  }
}

describe('setLaunchAtLogin', () => {
  it.each([
    ['darwin', true],
    ['win32', false],
  ] as const)('on %s registers openAtLogin %s', (platform, enabled) => {
    const app = fakeApp()
    expect({ applied: setLaunchAtLogin(app, enabled, platform), settings: app.settings }).toEqual({
      applied: true,
      settings: [{ openAtLogin: enabled }],
    })
  })

  it('does nothing on Linux and says so', () => {
    const app = fakeApp()
    expect({ applied: setLaunchAtLogin(app, true, 'linux'), settings: app.settings }).toEqual({ applied: false, settings: [] })
  })
})

describe('getLaunchAtLogin', () => {
  it.each([
    ['darwin', true, true],
    ['win32', false, false],
    ['linux', true, false],
  ] as const)('on %s with openAtLogin %s reads %s', (platform, openAtLogin, expected) => {
    expect(getLaunchAtLogin(fakeApp(openAtLogin), platform)).toBe(expected)
  })
})

describe('loginItemFollower', () => {
  it('applies the first value and then only changes', () => {
    const applied: boolean[] = []
    const follow = loginItemFollower((enabled) => applied.push(enabled))
    for (const v of [false, false, true, true, true, false]) follow(v)
    expect(applied).toEqual([false, true, false])
  })
})
