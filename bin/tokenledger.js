#!/usr/bin/env node
// Launcher for `npx tokenledger` / `npm exec tokenledger`. Runs the pre-built bundle (out/cli, built by
// `npm run build:cli` or ./tokenledger) when it exists, else the TypeScript sources directly (Node 24's
// type stripping; several times slower to start).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`tokenledger needs Node 22.18 or newer (this is ${process.version}). Run ./tokenledger from the repository, which installs Node 24 for you.`)
  process.exit(1)
}
const bundle = fileURLToPath(new URL('../out/cli/tokenledger.js', import.meta.url))
await import(existsSync(bundle) && process.env.TOKENLEDGER_FROM_SOURCE !== '1' ? bundle : '../engine/cli/main.ts')
