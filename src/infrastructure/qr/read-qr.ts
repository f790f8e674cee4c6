import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Pixels a side at most: a phone photo is decoded from at most this many megapixels (keeps memory bounded). */
const MAX_PIXELS = 40_000_000;

interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * The text of the QR code in a picture (PNG or JPEG bytes, as Telegram stores photos), or null when the
 * picture holds none that can be read, or is not a picture at all. jsQR looks for dark-on-light and
 * light-on-dark codes (a phone screen photographed in a dark theme).
 */
export function readQr(bytes: Buffer): string | null {
  const pixels = decode(bytes);
  if (!pixels) return null;
  const found = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
  return found?.data ? found.data : null;
}

function decode(bytes: Buffer): Pixels | null {
  try {
    if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
      const png = PNG.sync.read(bytes);
      return rgba(png.data, png.width, png.height);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const image = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 512,
      });
      return rgba(image.data, image.width, image.height);
    }
  } catch {
    return null; // a broken or hostile file: no code in it
  }
  return null;
}

function rgba(data: Uint8Array, width: number, height: number): Pixels | null {
  if (width * height > MAX_PIXELS || data.length < width * height * 4) return null;
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, width * height * 4), width, height };
}
