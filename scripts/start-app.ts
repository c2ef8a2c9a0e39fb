/**
 * `npm start`: build and launch the Electron app.
 *
 * package.json denies Electron's install script (`allowScripts: { electron: false }`) so that `npm install`
 * succeeds on machines that cannot download the Electron binary (CI, offline build hosts). On a normal
 * machine we therefore fetch the binary here, on first start, with Electron's own installer.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))
const electronDir = dirname(require.resolve('electron/package.json'))

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log('TokenLedger: downloading the Electron runtime (one time)…')
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit' })
  if (r.status !== 0) {
    console.error('TokenLedger: could not download Electron (no network?). The headless CLI works without it: ./tokenledger daily')
    process.exit(1)
  }
}
run('npx', ['electron-vite', 'build'])
const electronBin = require('electron') as unknown as string
const app = spawnSync(electronBin, ['.'], { cwd: root, stdio: 'inherit' })
process.exit(app.status ?? 0)
