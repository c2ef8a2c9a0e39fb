import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { UiSnapshot } from '../../common/snapshot.ts'

/** Writes the snapshot atomically (temp file + rename), so readers never see a half-written file. */
export function writeSnapshotFile(path: string, snapshot: UiSnapshot): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(snapshot, null, 2) + '\n')
  renameSync(tmp, path)
}
