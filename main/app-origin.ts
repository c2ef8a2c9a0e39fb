import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The two renderer pages built by electron-vite (renderer/index.html and renderer/preferences.html). */
export type AppPage = 'index' | 'preferences'

/** Where the renderer is served from: the dev server in `electron-vite dev`, else the built files. */
export interface RendererLocation {
  readonly devServerUrl: string | null
  /** Absolute path of `out/renderer`. */
  readonly rendererDir: string
}

/**
 * A packaged app ignores ELECTRON_RENDERER_URL: otherwise anyone able to set an environment variable
 * could make it load (and hand `window.tokenledger` to) remote content.
 */
export function rendererLocation(env: NodeJS.ProcessEnv, isPackaged: boolean, mainDir: string): RendererLocation {
  const dev = env['ELECTRON_RENDERER_URL']
  return { devServerUrl: !isPackaged && dev ? dev : null, rendererDir: join(mainDir, '../renderer') }
}

export function pageUrl(location: RendererLocation, page: AppPage): string {
  const file = `${page}.html`
  if (location.devServerUrl) return new URL(file, withSlash(location.devServerUrl)).href
  return pathToFileURL(join(location.rendererDir, file)).href
}

/** True when `url` belongs to our renderer: the dev server's origin, or a file inside `out/renderer`. */
export function isAppUrl(location: RendererLocation, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (location.devServerUrl) return parsed.origin === new URL(location.devServerUrl).origin
  // URL parsing already resolved any `..`, so a prefix test cannot be escaped.
  return parsed.protocol === 'file:' && parsed.href.startsWith(withSlash(pathToFileURL(location.rendererDir).href))
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`)
