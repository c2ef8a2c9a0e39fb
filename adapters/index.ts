import type { AnyAdapter } from '../common/adapter-contract.ts'
import { ampAdapter } from './amp/index.ts'
import { claudeCodeAdapter } from './claude-code/index.ts'
import { codexAdapter } from './codex/index.ts'
import { cursorCsvAdapter } from './cursor/index.ts'
import { droidAdapter } from './droid/index.ts'
import { geminiAdapter, geminiLegacyAdapter } from './gemini/index.ts'
import { opencodeAdapter, opencodeLegacyAdapter } from './opencode/index.ts'

/** Every adapter the engine runs, in display order. Adding an agent = one folder + one line here. */
export const ADAPTERS: readonly AnyAdapter[] = [
  claudeCodeAdapter,
  codexAdapter,
  // JSONL before legacy JSON: a resumed session present as both is stored from its .jsonl copy.
  geminiAdapter,
  geminiLegacyAdapter,
  // The database before its legacy JSON copies (legacy rows yield to the database's steps).
  opencodeAdapter,
  opencodeLegacyAdapter,
  droidAdapter,
  ampAdapter,
  cursorCsvAdapter,
]
