import { describe, expect, it } from 'vitest'
import { thisMonthRange, trayExportMessage, trayExportRequest } from './tray-export.ts'

describe('tray export', () => {
  it('exports this month so far in the engine’s time zone', () => {
    // 2026-12-01 03:00 UTC is still November 30 in Los Angeles, already December 1 in Tokyo.
    const at = new Date('2026-12-01T03:00:00Z')
    expect(thisMonthRange(at, 'America/Los_Angeles')).toEqual({ since: '2026-11-01', until: '2026-11-30' })
    expect(thisMonthRange(at, 'Asia/Tokyo')).toEqual({ since: '2026-12-01', until: '2026-12-01' })
    expect(thisMonthRange(at, 'Not/AZone')).toEqual({ since: '2026-12-01', until: '2026-12-01' })
  })

  it('groups the invoice by agent and the CSV by day', () => {
    const at = new Date('2026-11-23T12:00:00Z')
    expect(trayExportRequest('pdf', at, 'UTC')).toEqual({ format: 'pdf', group: 'provider', since: '2026-11-01', until: '2026-11-23' })
    expect(trayExportRequest('csv', at, 'UTC')).toEqual({ format: 'csv', group: 'day', since: '2026-11-01', until: '2026-11-23' })
  })

  it('tells where the file went, says nothing on cancel, and passes errors on', () => {
    expect(trayExportMessage({ ok: true, path: '/home/ada/Downloads/r.pdf', bytes: 5000 })).toEqual({ title: 'Report exported', body: '/home/ada/Downloads/r.pdf' })
    expect(trayExportMessage({ ok: false, canceled: true })).toBeNull()
    expect(trayExportMessage({ ok: false, canceled: false, message: 'engine stopped' })).toEqual({ title: 'Export failed', body: 'engine stopped' })
  })
})
