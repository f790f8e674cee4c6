import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { toBuffer } from 'qrcode';
import { codeQrPng } from '../../bots/client/code-qr';
import { readQr } from './read-qr';

describe('readQr', () => {
  it('reads the code from the client bot’s QR picture', async () => {
    expect(readQr(await codeQrPng('K7M2QX9A'))).toBe('K7M2QX9A');
  });

  it('reads a JPEG photo of a QR, light on dark too', async () => {
    const png = PNG.sync.read(await toBuffer('R3DM4Y8Q', { width: 300, margin: 4 }));
    for (let i = 0; i < png.data.length; i += 4) {
      for (let c = 0; c < 3; c++) png.data[i + c] = 255 - png.data[i + c]; // a dark theme
    }
    const photo = jpeg.encode({ data: png.data, width: png.width, height: png.height }, 85).data;
    expect(readQr(Buffer.from(photo))).toBe('R3DM4Y8Q');
  });

  it('finds nothing in a picture without a code, or in bytes that are no picture', () => {
    const blank = new PNG({ width: 64, height: 64 });
    blank.data.fill(200);
    expect(readQr(PNG.sync.write(blank))).toBeNull();
    expect(readQr(Buffer.alloc(1024, 0xff))).toBeNull();
    expect(readQr(Buffer.from('\x89PNG\r\n\x1a\nbroken'))).toBeNull();
    expect(readQr(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]))).toBeNull();
  });
});
