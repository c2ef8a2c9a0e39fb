import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeDemoHome } from '../demo/write-demo-home.ts'

/**
 * `--demo`: a generated home with a month of Claude Code and Codex logs in their real formats, dated
 * relative to now, so the reports show real output on a machine with no agent data yet.
 */
export function demoHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tokenledger-demo-'))
  writeDemoHome(dir, Date.now())
  return dir
}
