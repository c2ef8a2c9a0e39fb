import { describe, expect, it } from 'vitest'
import { trayMenuTemplate } from './tray-menu.ts'

function setup() {
  const calls: string[] = []
  const template = trayMenuTemplate({
    open: () => calls.push('open'),
    preferences: () => calls.push('preferences'),
    refresh: () => calls.push('refresh'),
    quit: () => calls.push('quit'),
  })
  const click = (label: string): void => {
    const item = template.find((entry) => entry.label === label)
    // The template's click handlers ignore their Electron arguments.
    Reflect.apply(item?.click ?? (() => {}), undefined, [])
  }
  return { template, calls, click }
}

describe('trayMenuTemplate', () => {
  it('lists Open, Refresh, Export, Preferences and Quit in that order', () => {
    expect(setup().template.map((item) => item.label ?? item.type)).toEqual([
      'Open TokenLedger',
      'Refresh',
      'Export… (coming soon)',
      'separator',
      'Preferences…',
      'separator',
      'Quit TokenLedger',
    ])
  })

  it('keeps Export disabled until the export feature exists', () => {
    expect(setup().template.find((item) => item.label === 'Export… (coming soon)')?.enabled).toBe(false)
  })

  it.each([
    ['Open TokenLedger', 'open'],
    ['Refresh', 'refresh'],
    ['Preferences…', 'preferences'],
    ['Quit TokenLedger', 'quit'],
  ])('%s runs %s', (label, action) => {
    const { calls, click } = setup()
    click(label)
    expect(calls).toEqual([action])
  })
})
