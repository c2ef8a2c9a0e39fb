import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_CHANNELS } from '../common/renderer-api.ts'
import { makeSnapshot, period } from './snapshot-fixture.ts'

/**
 * The app entry with Electron and menubar mocked: what main does at launch, what it sends the engine,
 * and how a snapshot travels to the tray and the popover.
 */
const fakes = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  class FakeContents extends Emitter {
    readonly sent: Array<[string, unknown]> = []
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload])
    }
    isDestroyed(): boolean {
      return false
    }
  }
  class FakeWindow extends Emitter {
    readonly webContents = new FakeContents()
    readonly options: unknown
    constructor(options: unknown) {
      super()
      this.options = options
    }
    isDestroyed(): boolean {
      return false
    }
    loadURL(): Promise<void> {
      return Promise.resolve()
    }
    show(): void {}
    focus(): void {}
  }
  class FakeTray extends Emitter {
    readonly calls: string[] = []
    contextMenu: unknown = null
    setTitle(title: string): void {
      this.calls.push(`title ${title}`)
    }
    setToolTip(text: string): void {
      this.calls.push(`tooltip ${text}`)
    }
    setImage(): void {
      this.calls.push('image')
    }
    setContextMenu(menu: unknown): void {
      this.contextMenu = menu
    }
    popUpContextMenu(): void {}
  }
  class FakeChild extends Emitter {
    readonly sent: unknown[] = []
    postMessage(message: unknown): void {
      this.sent.push(message)
    }
    kill(): void {}
  }
  const state = {
    lock: true,
    trays: [] as FakeTray[],
    children: [] as FakeChild[],
    forks: [] as unknown[][],
    menubarOptions: [] as Array<Record<string, unknown>>,
    menubars: [] as Array<EventEmitter & { window: FakeWindow }>,
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    appEvents: new Emitter(),
    quits: 0,
    dockHidden: 0,
    notifications: [] as string[],
  }
  const app = {
    isPackaged: true,
    requestSingleInstanceLock: () => state.lock,
    quit: () => {
      state.quits++
    },
    exit: () => {},
    on: (event: string, listener: (...args: unknown[]) => void) => state.appEvents.on(event, listener),
    whenReady: () => Promise.resolve(),
    dock: {
      hide: () => {
        state.dockHidden++
      },
    },
    getLocale: () => 'en-US',
    getPath: (name: string) => (name === 'home' ? '/home/ada' : '/home/ada/.config/TokenLedger'),
    focus: () => {},
    setLoginItemSettings: () => {},
  }
  return { FakeWindow, FakeTray, FakeChild, state, app }
})

vi.mock('electron', () => ({
  app: fakes.app,
  BrowserWindow: fakes.FakeWindow,
  dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
  Tray: class extends fakes.FakeTray {
    constructor() {
      super()
      fakes.state.trays.push(this)
    }
  },
  Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
  nativeImage: {
    createFromBuffer: () => ({ addRepresentation: () => {}, setTemplateImage: () => {} }),
  },
  utilityProcess: {
    fork: (...args: unknown[]) => {
      fakes.state.forks.push(args)
      const child = new fakes.FakeChild()
      fakes.state.children.push(child)
      return child
    },
  },
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) => fakes.state.handlers.set(channel, handler),
    on: (channel: string, handler: (...args: unknown[]) => unknown) => fakes.state.handlers.set(channel, handler),
    removeHandler: () => {},
    removeListener: () => {},
  },
  Notification: class {
    static isSupported = (): boolean => true
    readonly options: { title: string; body: string }
    constructor(options: { title: string; body: string }) {
      this.options = options
    }
    show(): void {
      fakes.state.notifications.push(`${this.options.title}: ${this.options.body}`)
    }
  },
}))

vi.mock('menubar', () => ({
  menubar: (options: Record<string, unknown>) => {
    const mb = Object.assign(new EventEmitter(), {
      window: new fakes.FakeWindow(options['browserWindow']),
      showWindow: () => Promise.resolve(),
      hideWindow: () => {},
    })
    fakes.state.menubarOptions.push(options)
    fakes.state.menubars.push(mb)
    return mb
  },
}))

const realPlatform = process.platform
beforeAll(() => {
  // The tray wiring differs per OS; these tests pin Linux (context menu instead of right-click).
  Object.defineProperty(process, 'platform', { value: 'linux' })
})
afterAll(() => {
  Object.defineProperty(process, 'platform', { value: realPlatform })
})

async function launch(lock = true) {
  vi.resetModules()
  fakes.state.lock = lock
  fakes.state.trays.length = 0
  fakes.state.children.length = 0
  fakes.state.forks.length = 0
  fakes.state.menubarOptions.length = 0
  fakes.state.menubars.length = 0
  fakes.state.handlers.clear()
  fakes.state.appEvents.removeAllListeners()
  fakes.state.quits = 0
  fakes.state.dockHidden = 0
  await import('./index.ts')
  await new Promise((resolve) => setImmediate(resolve))
  return {
    tray: fakes.state.trays[0],
    child: fakes.state.children[0],
    mb: fakes.state.menubars[0],
    options: fakes.state.menubarOptions[0],
  }
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

describe('app entry', () => {
  it('quits without starting anything when another instance holds the lock', async () => {
    await launch(false)
    expect({ quits: fakes.state.quits, forks: fakes.state.forks.length, trays: fakes.state.trays.length }).toEqual({
      quits: 1,
      forks: 0,
      trays: 0,
    })
  })

  it('hides the Dock icon', async () => {
    await launch()
    expect(fakes.state.dockHidden).toBe(1)
  })

  it('forks the engine entry as the tokenledger-engine utility process', async () => {
    await launch()
    expect(fakes.state.forks).toEqual([
      [expect.stringMatching(/engine[\\/]entry-utility\.ts$/), [], { serviceName: 'tokenledger-engine', stdio: 'inherit' }],
    ])
  })

  it('starts the engine on the user home with a ledger in userData', async () => {
    const { child } = await launch()
    expect(child?.sent).toEqual([
      {
        type: 'start',
        home: '/home/ada',
        dbPath: join('/home/ada/.config/TokenLedger', 'ledger.sqlite'),
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        watch: true,
        snapshotPath: join('/home/ada/.config/TokenLedger', 'ui-snapshot.json'),
      },
    ])
  })

  it('creates a preloaded 380×560 sandboxed popover on the tray', async () => {
    const { options, tray } = await launch()
    expect(options).toMatchObject({
      tray,
      preloadWindow: true,
      showDockIcon: false,
      index: expect.stringMatching(/^file:\/\/.*\/renderer\/index\.html$/),
      browserWindow: {
        width: 380,
        height: 560,
        webPreferences: { contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true },
      },
    })
  })

  it('registers the IPC call, shell, export and pick channels', async () => {
    await launch()
    expect([...fakes.state.handlers.keys()].sort()).toEqual([IPC_CHANNELS.call, IPC_CHANNELS.shell, IPC_CHANNELS.exportReport, IPC_CHANNELS.pickPath].sort())
  })

  it('gives the Linux tray its context menu with Open, Refresh, Export, Preferences and Quit', async () => {
    const { tray } = await launch()
    expect(tray?.contextMenu).toMatchObject({
      template: [
        { label: 'Open TokenLedger' },
        { label: 'Refresh' },
        { label: 'Export This Month' },
        { type: 'separator' },
        { label: 'Preferences…' },
        { type: 'separator' },
        { label: 'Quit TokenLedger' },
      ],
    })
  })

  it('shows a pushed snapshot in the tray tooltip', async () => {
    const { child, tray } = await launch()
    child?.emit('message', { type: 'snapshot', snapshot: makeSnapshot({ today: period(12.4), month: period(310.25) }) })
    expect(tray?.calls).toContain('tooltip Today $12.40 · Month $310.25')
  })

  it('follows the display settings carried by the snapshot (hidden amounts, currency)', async () => {
    const { child, tray } = await launch()
    const display = { trayMetric: 'today', weekStartsOn: 1, currency: 'EUR', usdRate: 0.5, hideAmounts: false, launchAtLogin: false } as const
    child?.emit('message', { type: 'snapshot', snapshot: makeSnapshot({ today: period(12.4), month: period(310.25), display }) })
    expect(tray?.calls).toContain('tooltip Today €6.20 · Month €155.13')
    child?.emit('message', { type: 'snapshot', snapshot: makeSnapshot({ today: period(12.4), month: period(310.25), display: { ...display, hideAmounts: true } }) })
    expect(tray?.calls).toContain('tooltip Today ••• · Month •••')
  })

  it('shows the engine’s budget and quota alerts as OS notifications', async () => {
    const { child } = await launch()
    fakes.state.notifications.length = 0
    child?.emit('message', { type: 'notify', notification: { key: 'budget:b1:2026-03-14:80', title: 'Daily budget 80% used', body: '$16.20 of $20.00 today' } })
    expect(fakes.state.notifications).toEqual(['Daily budget 80% used: $16.20 of $20.00 today'])
  })

  it('does not push snapshots to the hidden popover, and pushes the latest when it opens', async () => {
    const { child, mb } = await launch()
    const snapshot = makeSnapshot({ today: period(12.4) })
    child?.emit('message', { type: 'snapshot', snapshot })
    const whileHidden = mb?.window.webContents.sent.length
    mb?.emit('show')
    expect({ whileHidden, onShow: mb?.window.webContents.sent }).toEqual({
      whileHidden: 0,
      onShow: [
        [IPC_CHANNELS.snapshot, snapshot],
        [IPC_CHANNELS.engineStatus, { state: 'running' }],
      ],
    })
  })

  it('pushes live snapshots while the popover is open', async () => {
    const { child, mb } = await launch()
    mb?.emit('show')
    const snapshot = makeSnapshot({ today: period(3) })
    child?.emit('message', { type: 'snapshot', snapshot })
    expect(mb?.window.webContents.sent.at(-1)).toEqual([IPC_CHANNELS.snapshot, snapshot])
  })

  it('asks the engine to shut down before quitting', async () => {
    const { child } = await launch()
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    fakes.state.appEvents.emit('before-quit', event)
    child?.emit('exit', 0)
    await new Promise((resolve) => setImmediate(resolve))
    expect({ prevented: event.defaultPrevented, last: child?.sent.at(-1), quits: fakes.state.quits }).toEqual({
      prevented: true,
      last: { type: 'shutdown' },
      quits: 1,
    })
  })
})
