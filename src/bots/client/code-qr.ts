import { toBuffer } from 'qrcode';

/**
 * pngjs's row filter "Up" for every row instead of its per-row search of all five filters: a QR's rows repeat
 * for the height of a module, so "Up" compresses them nearly as well (~7 KB) and takes a fraction of the time.
 * (qrcode's typings do not list the pngjs options it passes on.)
 */
const PNG_OPTIONS = { deflateLevel: 9, filterType: 2 };

/** Pixels a side: large enough to scan from a phone screen at a till. */
export const QR_WIDTH = 480;

/**
 * A code as a QR picture (PNG) for the cashier's phone to scan: the QR holds the code and nothing else, so a
 * scanner app pastes exactly what the staff bot reads. Quartile error correction survives a scratched screen.
 */
export function codeQrPng(code: string): Promise<Buffer> {
  return toBuffer(code, {
    type: 'png',
    errorCorrectionLevel: 'Q',
    margin: 2,
    width: QR_WIDTH,
    rendererOpts: PNG_OPTIONS,
  });
}
