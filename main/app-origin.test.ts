import { describe, expect, it } from 'vitest'
import { isAppUrl, pageUrl, rendererLocation } from './app-origin.ts'

const built = rendererLocation({}, true, '/opt/TokenLedger/resources/app.asar/out/main')
const dev = rendererLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false, '/src/out/main')

describe('rendererLocation', () => {
  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(rendererLocation({ ELECTRON_RENDERER_URL: 'https://evil.example' }, true, '/app/out/main').devServerUrl).toBeNull()
  })
})

describe('pageUrl', () => {
  it.each([
    [built, 'index', 'file:///opt/TokenLedger/resources/app.asar/out/renderer/index.html'],
    [built, 'preferences', 'file:///opt/TokenLedger/resources/app.asar/out/renderer/preferences.html'],
    [dev, 'index', 'http://localhost:5173/index.html'],
    [dev, 'preferences', 'http://localhost:5173/preferences.html'],
  ] as const)('%#: %s page → %s', (location, page, expected) => {
    expect(pageUrl(location, page)).toBe(expected)
  })
})

describe('isAppUrl', () => {
  it.each([
    [built, 'file:///opt/TokenLedger/resources/app.asar/out/renderer/index.html', true],
    [built, 'file:///opt/TokenLedger/resources/app.asar/out/renderer/preferences.html#budgets', true],
    [built, 'file:///opt/TokenLedger/resources/app.asar/out/renderer/../main/index.js', false],
    [built, 'file:///opt/TokenLedger/resources/app.asar/out/renderer-evil/index.html', false],
    [built, 'file:///etc/passwd', false],
    [built, 'https://example.com/', false],
    [built, 'not a url', false],
    [dev, 'http://localhost:5173/preferences.html', true],
    [dev, 'http://localhost:5174/index.html', false],
    [dev, 'https://localhost:5173/index.html', false],
  ] as const)('%#: %s → %s', (location, url, expected) => {
    expect(isAppUrl(location, url)).toBe(expected)
  })
})
