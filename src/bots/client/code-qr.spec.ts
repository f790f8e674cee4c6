import { create } from 'qrcode';
import { codeQrPng, QR_WIDTH } from './code-qr';

describe('a code as a QR picture', () => {
  it('is a square PNG', async () => {
    const png = await codeQrPng('K7M2QX9A');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, right after the chunk's length and type.
    expect(png.readUInt32BE(16)).toBe(QR_WIDTH);
    expect(png.readUInt32BE(20)).toBe(QR_WIDTH);
    expect(png.length).toBeLessThan(20_000);
  });

  it('holds the code and nothing else, so a scanner pastes exactly the code', () => {
    const qr = create('K7M2QX9A', { errorCorrectionLevel: 'Q' });
    expect(qr.segments.map((segment) => String((segment as unknown as { data: unknown }).data))).toEqual([
      'K7M2QX9A',
    ]);
  });
});
