import { describe, expect, it } from 'vitest'
import { AMBER, drawMeter, GREEN, meterRows, OUTLINE, RED, TEMPLATE_INK } from './meter-bitmap.ts'

const CLEAR = [0, 0, 0, 0]
/** RGBA of pixel (x, y) in a size×size bitmap. */
const pixel = (bitmap: Buffer, size: number, x: number, y: number): number[] => [...bitmap.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)]
/** Inner rows (y 2–13) holding the fill colour in column 7. */
const filledRows = (bitmap: Buffer): number => [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].filter((y) => pixel(bitmap, 16, 7, y)[3] === 255).length

describe('meterRows', () => {
  it.each([
    [null, 0],
    [0, 0],
    [-0.2, 0],
    [Number.NaN, 0],
    [0.01, 1],
    [0.5, 6],
    [0.72, 9],
    [1, 12],
    [3.5, 12],
  ])('fraction %s fills %i of 12 rows', (fraction, rows) => {
    expect(meterRows(fraction)).toBe(rows)
  })
})

describe('drawMeter 16×16', () => {
  it('is 16×16 RGBA', () => {
    expect(drawMeter(16, 0.5, 'color')).toHaveLength(16 * 16 * 4)
  })

  it.each([
    ['top-left corner of the frame', 3, 1, OUTLINE],
    ['bottom-right corner of the frame', 12, 14, OUTLINE],
    ['left edge', 3, 8, OUTLINE],
    ['outside the frame', 0, 0, CLEAR],
    ['right of the frame', 13, 8, CLEAR],
    ['lowest filled row', 4, 13, GREEN],
    ['highest filled row', 11, 8, GREEN],
    ['first empty row above the fill', 7, 7, CLEAR],
  ])('half full: %s (%i,%i)', (_label, x, y, rgba) => {
    expect(pixel(drawMeter(16, 0.5, 'color'), 16, x, y)).toEqual([...rgba])
  })

  it.each([
    [0.5, GREEN],
    [0.8, AMBER],
    [0.95, RED],
    [1.4, RED],
  ])('fraction %s is coloured %o', (fraction, rgba) => {
    expect(pixel(drawMeter(16, fraction, 'color'), 16, 7, 13)).toEqual([...rgba])
  })

  it.each([
    [null, 0],
    [0.25, 3],
    [1, 12],
  ])('fraction %s shows %i filled rows', (fraction, rows) => {
    expect(filledRows(drawMeter(16, fraction, 'color'))).toBe(rows)
  })

  it('uses black ink with alpha for the macOS template', () => {
    const bitmap = drawMeter(16, 0.5, 'template')
    expect([pixel(bitmap, 16, 3, 1), pixel(bitmap, 16, 7, 13), pixel(bitmap, 16, 7, 7)]).toEqual([[...TEMPLATE_INK], [...TEMPLATE_INK], CLEAR])
  })
})

describe('drawMeter 32×32', () => {
  it('scales each grid cell to a 2×2 block', () => {
    const bitmap = drawMeter(32, 0.5, 'color')
    expect([pixel(bitmap, 32, 6, 2), pixel(bitmap, 32, 7, 3), pixel(bitmap, 32, 8, 27), pixel(bitmap, 32, 5, 2)]).toEqual([
      [...OUTLINE],
      [...OUTLINE],
      [...GREEN],
      CLEAR,
    ])
  })

  it('rejects a size that is not a multiple of 16', () => {
    expect(() => drawMeter(20, 0.5, 'color')).toThrow('meter size must be a multiple of 16, got 20')
  })
})
