import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFile, checkRepository, importSpecifiers } from './boundaries.ts'

describe('architecture boundaries', () => {
  it('the repository respects every boundary', () => {
    expect(checkRepository(join(import.meta.dirname, '..', '..'))).toEqual([])
  })

  it.each([
    ['renderer/app.tsx', "import { openLedger } from '../engine/store/open-ledger.ts'", 'renderer must not import from engine/'],
    ['renderer/app.tsx', "import { readFileSync } from 'node:fs'", 'renderer must not import Node built-ins'],
    ['engine/core/x.ts', "import { app } from 'electron'", 'engine must not import "electron"'],
    ['adapters/codex/x.ts', "import { LedgerWriter } from '../../engine/store/ledger-writer.ts'", 'adapters must not import from engine/'],
    ['adapters/codex/x.ts', "import { ipcRenderer } from 'electron'", 'adapters must not import "electron"'],
    ['common/x.ts', "import { join } from 'node:path'", 'common must not import Node built-ins'],
    ['main/x.ts', "import { Engine } from '../engine/core/engine.ts'", 'main must not import from engine/'],
    ['preload/index.ts', "const fs = await import('node:fs')", 'preload must not import Node built-ins'],
  ])('rejects a deliberately bad import in %s: %s', (file, source, rule) => {
    expect(checkFile(file, source).map((v) => v.rule)).toEqual([rule])
  })

  it('lets test helpers (test-*.ts) set up real fixtures across layers', () => {
    expect(checkFile('adapters/opencode/test-ledger.ts', "import { openLedger } from '../../engine/store/open-ledger.ts'")).toEqual([])
  })

  it('allows main to name the engine entry as a separate chunk', () => {
    expect(checkFile('main/engine-process.ts', "import enginePath from '../engine/entry-utility.ts?modulePath'")).toEqual([])
  })

  it('reads type-only, re-export and dynamic imports', () => {
    expect(importSpecifiers("import type { A } from './a.ts'\nexport { b } from './b.ts'\nawait import('./c.ts')")).toEqual(['./a.ts', './b.ts', './c.ts'])
  })
})
