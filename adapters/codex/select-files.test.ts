import { describe, expect, it } from 'vitest'
import { selectCodexFiles } from './select-files.ts'

const ID = '019a8f2e-5c4b-7d10-9e3a-1b2c3d4e5f60'
const NAME = `rollout-2026-11-20T09-15-02-${ID}.jsonl`
const live = `/home/dev/.codex/sessions/2026/11/20/${NAME}`
const archived = `/home/dev/.codex/archived_sessions/${NAME}`

describe('selectCodexFiles', () => {
  it.each([
    ['drops the .zst when the plain file sits beside it', [live, `${live}.zst`], [live]],
    ['keeps a .zst that has no plain twin', [`${live}.zst`], [`${live}.zst`]],
    ['prefers sessions/ over archived_sessions/', [archived, live], [live]],
    ['prefers a compressed live file over a plain archived one', [archived, `${live}.zst`], [`${live}.zst`]],
    ['drops an archived .zst beside its plain archived twin', [archived, `${archived}.zst`], [archived]],
    ['keeps an archived file whose session is not live', [archived], [archived]],
    [
      'keeps the same name in a different codex home',
      [live, `/srv/other-codex/archived_sessions/${NAME}`],
      [live, `/srv/other-codex/archived_sessions/${NAME}`],
    ],
    ['keeps distinct sessions of one day', [live, live.replace('5f60', '5f61')], [live, live.replace('5f60', '5f61')]],
  ])('%s', (_, input, expected) => {
    expect(selectCodexFiles(input)).toEqual(expected)
  })

  it('understands Windows separators', () => {
    const winLive = `C:\\Users\\dev\\.codex\\sessions\\2026\\11\\20\\${NAME}`
    expect(selectCodexFiles([`C:\\Users\\dev\\.codex\\archived_sessions\\${NAME}`, winLive, `${winLive}.zst`])).toEqual([winLive])
  })
})
