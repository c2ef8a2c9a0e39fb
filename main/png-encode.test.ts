import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { encodePng } from './png-encode.ts'

/** Splits a PNG into its chunks (type, data) to check what a decoder would see. */
function chunks(png: Buffer): Array<{ type: string; data: Buffer }> {
  const out: Array<{ type: string; data: Buffer }> = []
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset)
    out.push({ type: png.toString('ascii', offset + 4, offset + 8), data: png.subarray(offset + 8, offset + 8 + length) })
    offset += 12 + length
  }
  return out
}

// 2×1: one opaque red pixel, one half-transparent blue pixel.
const RGBA = Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 128])

describe('encodePng', () => {
  it('starts with the PNG signature', () => {
    expect([...encodePng(RGBA, 2, 1).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  })

  it('writes IHDR, IDAT and IEND in order', () => {
    expect(chunks(encodePng(RGBA, 2, 1)).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
  })

  it('declares width 2, height 1, 8-bit RGBA', () => {
    expect([...(chunks(encodePng(RGBA, 2, 1))[0]?.data ?? [])]).toEqual([0, 0, 0, 2, 0, 0, 0, 1, 8, 6, 0, 0, 0])
  })

  it('stores the pixels behind a filter byte of 0', () => {
    expect([...inflateSync(chunks(encodePng(RGBA, 2, 1))[1]?.data ?? Buffer.alloc(0))]).toEqual([0, 255, 0, 0, 255, 0, 0, 255, 128])
  })

  it('checksums the IHDR chunk like every PNG decoder expects', () => {
    // CRC of "IHDR" + [0,0,0,1, 0,0,0,1, 8,6,0,0,0], the header of every 1×1 RGBA PNG.
    const png = encodePng(Uint8Array.from([0, 0, 0, 0]), 1, 1)
    expect(png.readUInt32BE(8 + 8 + 13)).toBe(0x1f15c489)
  })

  it('rejects a buffer of the wrong length', () => {
    expect(() => encodePng(Uint8Array.from([1, 2, 3]), 1, 1)).toThrow('expected 4 bytes of RGBA, got 3')
  })
})
