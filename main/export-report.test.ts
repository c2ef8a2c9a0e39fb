import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { MethodParams, RpcOutcome } from '../common/engine-methods.ts'
import type { ExportRequest } from '../common/methods/export-methods.ts'
import type { ExportDeps, SaveFilter } from './export-report.ts'

/** A stand-in for Electron's BrowserWindow: records what the print step does with it. */
const electron = vi.hoisted(() => {
  class FakePrintWindow {
    static created: FakePrintWindow[] = []
    static printFails: Error | null = null
    readonly options: Record<string, unknown>
    readonly loaded: Array<['url' | 'file', string]> = []
    /** The file's text as it was when loaded (the temp file is removed afterwards). */
    fileText: string | null = null
    destroyed = false
    readonly webContents = {
      printToPDF: async (options: unknown): Promise<Buffer> => {
        this.printOptions = options
        if (FakePrintWindow.printFails) throw FakePrintWindow.printFails
        return Buffer.from('%PDF-1.4 fake')
      },
    }
    printOptions: unknown = null
    constructor(options: Record<string, unknown>) {
      this.options = options
      FakePrintWindow.created.push(this)
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(['url', url])
    }
    async loadFile(path: string): Promise<void> {
      const { readFileSync } = await import('node:fs')
      this.loaded.push(['file', path])
      this.fileText = readFileSync(path, 'utf8')
    }
    destroy(): void {
      this.destroyed = true
    }
  }
  return { FakePrintWindow }
})
vi.mock('electron', () => ({ BrowserWindow: electron.FakePrintWindow }))

const { exportReport } = await import('./export-report.ts')
const { MAX_URL_CHARS, printHtmlToPdf } = await import('./print-pdf.ts')
const { electronExportDeps, whilePinned } = await import('./export-electron.ts')

const CSV = 'date,provider,model,requests\r\n2026-11-20,claude,claude-sonnet-4-5,2\r\nTOTAL,,,2\r\n'
const HTML = '<!doctype html><html><body><h1>Usage — café</h1><span id="registry">2026.11.1</span></body></html>'
const REQUEST: ExportRequest = { format: 'csv', group: 'day', since: '2026-11-01', until: '2026-11-30' }

/** Fake host steps that record every call; the engine answers like export.render would. */
function fakeDeps(options: { savePath?: string | null; engine?: RpcOutcome<'export.render'>; writeFails?: Error } = {}) {
  const calls = { requests: [] as MethodParams<'export.render'>[], dialogs: [] as Array<[string, readonly SaveFilter[]]>, writes: [] as Array<[string, Buffer]>, printed: [] as string[] }
  const deps: ExportDeps = {
    request: async (_method, params) => {
      calls.requests.push(params)
      if (options.engine) return options.engine
      const content = params.format === 'csv' ? CSV : HTML
      return { ok: true, result: { content, suggestedName: `tokenledger-${params.since}_${params.until}-by-${params.group}.${params.format}`, mimeType: 'text/plain' } }
    },
    showSaveDialog: async (name, filters) => {
      calls.dialogs.push([name, filters])
      return options.savePath === undefined ? `/home/ada/Downloads/${name}` : options.savePath
    },
    writeFile: async (path, data) => {
      if (options.writeFails) throw options.writeFails
      calls.writes.push([path, Buffer.from(data)])
    },
    printHtmlToPdf: async (html) => {
      calls.printed.push(html)
      return Buffer.from('%PDF-1.7 two pages')
    },
  }
  return { deps, calls }
}

describe('exportReport', () => {
  it('writes the CSV the engine rendered, byte for byte, where the user chose, and reports its size', async () => {
    const { deps, calls } = fakeDeps()
    const outcome = await exportReport(deps, REQUEST)
    expect(calls.requests).toEqual([{ format: 'csv', group: 'day', since: '2026-11-01', until: '2026-11-30' }])
    expect(calls.dialogs).toEqual([['tokenledger-2026-11-01_2026-11-30-by-day.csv', [{ name: 'CSV (spreadsheets)', extensions: ['csv'] }]]])
    expect(calls.writes.map(([path, data]) => [path, data.toString('utf8')])).toEqual([['/home/ada/Downloads/tokenledger-2026-11-01_2026-11-30-by-day.csv', CSV]])
    expect(outcome).toEqual({ ok: true, path: '/home/ada/Downloads/tokenledger-2026-11-01_2026-11-30-by-day.csv', bytes: CSV.length })
  })

  it('counts bytes, not characters, for non-ASCII text (UTF-8)', async () => {
    const { deps } = fakeDeps()
    const outcome = await exportReport(deps, { ...REQUEST, format: 'html' })
    // "—" is 3 bytes and "é" 2 in UTF-8: 3 more bytes than characters.
    expect(outcome).toMatchObject({ ok: true, bytes: HTML.length + 3 })
  })

  it('a cancelled dialog is "canceled": nothing printed or written', async () => {
    const { deps, calls } = fakeDeps({ savePath: null })
    expect(await exportReport(deps, { ...REQUEST, format: 'pdf' })).toEqual({ ok: false, canceled: true })
    expect([calls.printed, calls.writes]).toEqual([[], []])
  })

  it('PDF: renders the HTML report, prints exactly that HTML, proposes a .pdf name and writes the PDF bytes', async () => {
    const { deps, calls } = fakeDeps()
    const outcome = await exportReport(deps, { ...REQUEST, format: 'pdf', group: 'month' })
    expect(calls.requests).toEqual([{ format: 'html', group: 'month', since: '2026-11-01', until: '2026-11-30' }])
    expect(calls.printed).toEqual([HTML])
    expect(calls.dialogs).toEqual([['tokenledger-2026-11-01_2026-11-30-by-month.pdf', [{ name: 'PDF report', extensions: ['pdf'] }]]])
    expect(calls.writes.map(([path, data]) => [path, data.toString('latin1')])).toEqual([['/home/ada/Downloads/tokenledger-2026-11-01_2026-11-30-by-month.pdf', '%PDF-1.7 two pages']])
    expect(outcome).toEqual({ ok: true, path: '/home/ada/Downloads/tokenledger-2026-11-01_2026-11-30-by-month.pdf', bytes: 18 })
  })

  it("passes the engine's error message through, without asking where to save", async () => {
    const { deps, calls } = fakeDeps({ engine: { ok: false, error: { code: 'invalid-params', message: 'until: must be on or after 2026-11-30' } } })
    expect(await exportReport(deps, REQUEST)).toEqual({ ok: false, canceled: false, message: 'until: must be on or after 2026-11-30' })
    expect(calls.dialogs).toEqual([])
  })

  it('a failed write names the file and the reason', async () => {
    const { deps } = fakeDeps({ savePath: '/read-only/report.csv', writeFails: new Error("EACCES: permission denied, open '/read-only/report.csv'") })
    expect(await exportReport(deps, REQUEST)).toEqual({ ok: false, canceled: false, message: "Could not save /read-only/report.csv: EACCES: permission denied, open '/read-only/report.csv'" })
  })

  it('a failed print is reported, never thrown', async () => {
    const { deps } = fakeDeps()
    const outcome = await exportReport({ ...deps, printHtmlToPdf: () => Promise.reject(new Error('render process gone')) }, { ...REQUEST, format: 'pdf' })
    expect(outcome).toEqual({ ok: false, canceled: false, message: 'Could not print the PDF: render process gone' })
  })
})

describe('printHtmlToPdf (Electron)', () => {
  const lastWindow = () => electron.FakePrintWindow.created.at(-1)!

  it('prints A4 with backgrounds from a hidden, sandboxed window without scripts or preload, then destroys it', async () => {
    electron.FakePrintWindow.printFails = null
    const pdf = await printHtmlToPdf(HTML)
    const window = lastWindow()
    expect(pdf.toString('latin1')).toBe('%PDF-1.4 fake')
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } })
    expect(window.options['webPreferences']).not.toHaveProperty('preload')
    expect(window.printOptions).toEqual({ printBackground: true, pageSize: 'A4' })
    expect(window.destroyed).toBe(true)
  })

  it('loads the report as a base64 data: URL that decodes to the same HTML (UTF-8 intact)', async () => {
    electron.FakePrintWindow.printFails = null
    await printHtmlToPdf(HTML)
    const [[kind, url]] = lastWindow().loaded as [['url' | 'file', string]]
    const prefix = 'data:text/html;charset=utf-8;base64,'
    expect(kind).toBe('url')
    expect(url.startsWith(prefix)).toBe(true)
    expect(Buffer.from(url.slice(prefix.length), 'base64').toString('utf8')).toBe(HTML)
  })

  it('destroys the window even when printToPDF throws, and the error reaches the caller', async () => {
    electron.FakePrintWindow.printFails = new Error('printing failed')
    await expect(printHtmlToPdf(HTML)).rejects.toThrow('printing failed')
    expect(lastWindow().destroyed).toBe(true)
    electron.FakePrintWindow.printFails = null
  })

  it('a report too long for a URL is loaded from a private temp file, removed afterwards', async () => {
    electron.FakePrintWindow.printFails = null
    const big = `<!doctype html><p>${'x'.repeat(MAX_URL_CHARS)}</p>`
    await printHtmlToPdf(big)
    const window = lastWindow()
    const [[kind, file]] = window.loaded as [['url' | 'file', string]]
    expect(kind).toBe('file')
    expect(window.fileText).toBe(big)
    expect(existsSync(dirname(file))).toBe(false)
    expect(window.destroyed).toBe(true)
  })
})

describe('electronExportDeps', () => {
  it('proposes the Downloads folder with the suggested name, and answers null on cancel', async () => {
    const dialogs: unknown[] = []
    let answer: { canceled: boolean; filePath: string } = { canceled: false, filePath: '/home/ada/Downloads/x.csv' }
    const dialog = {
      showOpenDialog: () => Promise.reject(new Error('not used')),
      showSaveDialog: async (options: unknown) => {
        dialogs.push(options)
        return answer
      },
    } as unknown as Parameters<typeof electronExportDeps>[1]
    const deps = electronExportDeps({ getPath: (name) => (name === 'downloads' ? '/home/ada/Downloads' : '/elsewhere') }, dialog, () => null, () => Promise.reject(new Error('not used')))
    expect(await deps.showSaveDialog('tokenledger-2026-11-01_2026-11-30-by-day.csv', [{ name: 'CSV (spreadsheets)', extensions: ['csv'] }])).toBe('/home/ada/Downloads/x.csv')
    expect(dialogs[0]).toMatchObject({ defaultPath: '/home/ada/Downloads/tokenledger-2026-11-01_2026-11-30-by-day.csv', filters: [{ name: 'CSV (spreadsheets)', extensions: ['csv'] }] })
    answer = { canceled: true, filePath: '' }
    expect(await deps.showSaveDialog('a.csv', [])).toBeNull()
  })

  it('keeps the popover on top while its dialog is open, then restores it (also when the dialog fails)', async () => {
    const log: string[] = []
    const window = { isDestroyed: () => false, isAlwaysOnTop: () => false, setAlwaysOnTop: (on: boolean) => log.push(`on top ${on}`) }
    await whilePinned(window, async () => log.push('dialog'))
    await expect(whilePinned(window, () => Promise.reject(new Error('no dialog')))).rejects.toThrow('no dialog')
    expect(log).toEqual(['on top true', 'dialog', 'on top false', 'on top true', 'on top false'])
  })
})
