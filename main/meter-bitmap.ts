/**
 * The tray meter, drawn as raw RGBA pixels by a pure function: Windows and Linux trays cannot show
 * text, so the icon itself carries today's share of the budget or quota. Drawing it at run time (rather
 * than shipping one PNG per level) keeps every state testable pixel by pixel and adds no binary assets.
 *
 * Layout on a 16×16 grid, scaled up by whole pixels for @2x: a 10×14 upright gauge (x 3–12, y 1–14)
 * with a 1-pixel outline and 12 inner rows that fill from the bottom.
 */
export type MeterPalette = 'color' | 'template'
export type Rgba = readonly [number, number, number, number]

export const GRID = 16
export const INNER_ROWS = 12
const FRAME = { left: 3, right: 12, top: 1, bottom: 14 } as const

const TRANSPARENT: Rgba = [0, 0, 0, 0]
/** Mid grey reads on both light and dark taskbars. */
export const OUTLINE: Rgba = [0x9e, 0x9e, 0x9e, 0xff]
export const GREEN: Rgba = [0x34, 0xc7, 0x59, 0xff]
export const AMBER: Rgba = [0xff, 0x9f, 0x0a, 0xff]
export const RED: Rgba = [0xff, 0x3b, 0x30, 0xff]
/** macOS template images use only alpha; the system recolours them for light and dark menu bars. */
export const TEMPLATE_INK: Rgba = [0, 0, 0, 0xff]

/** Rows to fill: any usage shows at least one row, and anything over 100 % shows full. */
export function meterRows(fraction: number | null): number {
  if (fraction === null || !Number.isFinite(fraction) || fraction <= 0) return 0
  return Math.min(INNER_ROWS, Math.max(1, Math.round(fraction * INNER_ROWS)))
}

export function fillColor(fraction: number): Rgba {
  if (fraction >= 0.9) return RED
  if (fraction >= 0.75) return AMBER
  return GREEN
}

/** Colour of one cell of the 16×16 grid. */
function cell(x: number, y: number, rows: number, fill: Rgba, outline: Rgba): Rgba {
  const insideX = x >= FRAME.left && x <= FRAME.right
  const insideY = y >= FRAME.top && y <= FRAME.bottom
  if (!insideX || !insideY) return TRANSPARENT
  if (x === FRAME.left || x === FRAME.right || y === FRAME.top || y === FRAME.bottom) return outline
  return y > FRAME.bottom - 1 - rows ? fill : TRANSPARENT
}

/** RGBA pixels, row-major, `size`×`size`; `size` must be a multiple of 16 (16 for @1x, 32 for @2x). */
export function drawMeter(size: number, fraction: number | null, palette: MeterPalette): Buffer {
  if (!Number.isInteger(size) || size < GRID || size % GRID !== 0) throw new RangeError(`meter size must be a multiple of ${GRID}, got ${size}`)
  const scale = size / GRID
  const rows = meterRows(fraction)
  const outline = palette === 'template' ? TEMPLATE_INK : OUTLINE
  const fill = palette === 'template' ? TEMPLATE_INK : fillColor(fraction ?? 0)
  const pixels = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      pixels.set(cell(Math.floor(x / scale), Math.floor(y / scale), rows, fill, outline), (y * size + x) * 4)
    }
  }
  return pixels
}
