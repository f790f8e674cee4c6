import { DomainError } from '../../../common/errors/domain-error';
import {
  checkMediaUpload,
  cleanFileName,
  detectMediaType,
  MEDIA_MAX_BYTES,
  uploadIdOf,
} from './media-upload';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).code;
  }
  return null;
};

describe('uploaded broadcast media', () => {
  it('reads the type from the bytes, not the name', () => {
    expect(detectMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 1]))?.mimeType).toBe('image/jpeg');
    expect(detectMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.kind).toBe(
      'photo',
    );
    expect(detectMediaType(Buffer.from('\0\0\0\x18ftypmp42....', 'latin1'))?.kind).toBe('video');
    expect(detectMediaType(Buffer.from('\0\0\0\x14ftypqt  ....', 'latin1'))).toBeNull();
    expect(detectMediaType(Buffer.from('GIF89a......'))).toBeNull();
  });

  it('refuses empty, unknown and oversized files with their codes', () => {
    expect(codeOf(() => checkMediaUpload(Buffer.alloc(0)))).toBe('MEDIA_INVALID');
    expect(codeOf(() => checkMediaUpload(Buffer.from('hello')))).toBe('MEDIA_TYPE_UNSUPPORTED');
    const photo = Buffer.alloc(MEDIA_MAX_BYTES.photo + 1);
    photo.set([0xff, 0xd8, 0xff]);
    expect(codeOf(() => checkMediaUpload(photo))).toBe('MEDIA_TOO_LARGE');
    expect(checkMediaUpload(photo.subarray(0, MEDIA_MAX_BYTES.photo)).kind).toBe('photo');
  });

  it('tells an upload reference from a Telegram file_id', () => {
    expect(uploadIdOf('upload:42')).toBe(42);
    expect(uploadIdOf('upload:0')).toBeNull();
    expect(uploadIdOf('AgACAgIAAxkBAAIBZ2ZmYWJjZGVm')).toBeNull();
    expect(uploadIdOf(null)).toBeNull();
  });

  it('keeps a printable base name', () => {
    const jpeg = { kind: 'photo', mimeType: 'image/jpeg', extension: 'jpg' } as const;
    expect(cleanFileName('C:\\фото\\мишки "новые".jpg', jpeg)).toBe('мишки новые.jpg');
    expect(cleanFileName('\u0001\u0002', jpeg)).toBe('broadcast.jpg');
    expect(cleanFileName(undefined, jpeg)).toBe('broadcast.jpg');
  });
});
