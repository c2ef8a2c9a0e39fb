import { describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const images: Array<{ first: Buffer; scaleFactor: number | undefined; extra: Array<{ scaleFactor: number; buffer?: Buffer }>; template: boolean }> = []
  const nativeImage = {
    createFromBuffer(buffer: Buffer, options?: { scaleFactor?: number }) {
      const image = {
        first: buffer,
        scaleFactor: options?.scaleFactor,
        extra: [] as Array<{ scaleFactor: number; buffer?: Buffer }>,
        template: false,
      }
      images.push(image)
      return {
        addRepresentation: (rep: { scaleFactor: number; buffer?: Buffer }) => image.extra.push(rep),
        setTemplateImage: (value: boolean) => {
          image.template = value
        },
      }
    },
  }
  return { images, nativeImage }
})
vi.mock('electron', () => ({ nativeImage: electron.nativeImage }))

const { meterImage } = await import('./tray-icon.ts')

const PNG_SIGNATURE = '89504e470d0a1a0a'
const widthOf = (png: Buffer | undefined): number | undefined => png?.readUInt32BE(16)

describe('meterImage', () => {
  it.each([
    ['darwin', true],
    ['win32', false],
    ['linux', false],
  ] as const)('on %s builds a 16 px PNG with a 32 px @2x (template: %s)', (platform, template) => {
    electron.images.length = 0
    meterImage(0.5, platform)
    const image = electron.images[0]
    expect({
      signature: image?.first.subarray(0, 8).toString('hex'),
      width: widthOf(image?.first),
      scale: image?.scaleFactor,
      hiDpi: image?.extra.map((rep) => ({ scale: rep.scaleFactor, width: widthOf(rep.buffer) })),
      template: image?.template,
    }).toEqual({ signature: PNG_SIGNATURE, width: 16, scale: 1, hiDpi: [{ scale: 2, width: 32 }], template })
  })
})
