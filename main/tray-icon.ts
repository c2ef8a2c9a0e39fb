import { nativeImage, type NativeImage } from 'electron'
import { drawMeter } from './meter-bitmap.ts'
import { encodePng } from './png-encode.ts'

/**
 * The tray image for a meter level, generated at run time (no files under assets/): @1x 16 px plus an
 * @2x representation for HiDPI. On macOS it is a template image, recoloured by the system for light
 * and dark menu bars; elsewhere it is coloured green/amber/red by level.
 */
export function meterImage(fraction: number | null, platform: NodeJS.Platform): NativeImage {
  const palette = platform === 'darwin' ? 'template' : 'color'
  const image = nativeImage.createFromBuffer(encodePng(drawMeter(16, fraction, palette), 16, 16), { scaleFactor: 1 })
  image.addRepresentation({ scaleFactor: 2, buffer: encodePng(drawMeter(32, fraction, palette), 32, 32) })
  if (palette === 'template') image.setTemplateImage(true)
  return image
}
