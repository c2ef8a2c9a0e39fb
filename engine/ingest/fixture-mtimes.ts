import { existsSync, readFileSync, utimesSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Test helper: stamps a fixture case's files with the mtimes in `<case>/mtimes.json` (`{ "<path under
 * home>": "<ISO instant>" }`). Git does not keep mtimes, and a Droid session total is dated by its file's
 * mtime, so without this a fixture's events would be dated by the checkout. Idempotent; a case without
 * `mtimes.json` is left alone. Any conformance run over `fixtures/droid` must call it before ingesting.
 */
export function applyFixtureMtimes(caseDir: string): void {
  const spec = join(caseDir, 'mtimes.json')
  if (!existsSync(spec)) return
  const mtimes = JSON.parse(readFileSync(spec, 'utf8')) as Record<string, string>
  for (const [rel, iso] of Object.entries(mtimes)) {
    const t = new Date(iso)
    utimesSync(join(caseDir, 'home', rel), t, t)
  }
}
