#!/usr/bin/env node
// Launcher for `npx tokenledger` / `npm exec tokenledger`: the CLI is TypeScript run by Node 24's type
// stripping, so it needs Node >= 22.18 (the repo's scripts/env.sh provides Node 24).
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`tokenledger needs Node 22.18 or newer (this is ${process.version}). Run ./tokenledger from the repository, which installs Node 24 for you.`)
  process.exit(1)
}
await import('../engine/cli/main.ts')
