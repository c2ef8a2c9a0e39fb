import { describe, expect, it } from 'vitest'
import { trayMenuTemplate } from './tray-menu.ts'

function setup() {
  const calls: string[] = []
  const template = trayMenuTemplate({
    open: () => calls.push('open'),
    preferences: () => calls.push('preferences'),
    refresh: () => calls.push('refresh'),
    exportMonth: (choice) => calls.push(`export ${choice}`),
    quit: () => calls.push('quit'),
  })
  const click = (label: string): void => {
    const submenu = (entry: (typeof template)[number]): typeof template => (Array.isArray(entry.submenu) ? entry.submenu : [])
    const item = [...template, ...template.flatMap(submenu)].find((entry) => entry.label === label)
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
      'Export This Month',
      'separator',
      'Preferences…',
      'separator',
      'Quit TokenLedger',
    ])
  })

  it('offers this month as PDF, HTML or CSV, and the popover for anything else', () => {
    const item = setup().template.find((entry) => entry.label === 'Export This Month')
    expect(Array.isArray(item?.submenu) ? item.submenu.map((s) => s.label ?? s.type) : null).toEqual([
      'Invoice (PDF)…',
      'Invoice (HTML)…',
      'Usage by Day (CSV)…',
      'separator',
      'Other Ranges and Formats…',
    ])
  })

  it.each([
    ['Open TokenLedger', 'open'],
    ['Refresh', 'refresh'],
    ['Preferences…', 'preferences'],
    ['Invoice (PDF)…', 'export pdf'],
    ['Usage by Day (CSV)…', 'export csv'],
    ['Other Ranges and Formats…', 'open'],
    ['Quit TokenLedger', 'quit'],
  ])('%s runs %s', (label, action) => {
    const { calls, click } = setup()
    click(label)
    expect(calls).toEqual([action])
  })
})
