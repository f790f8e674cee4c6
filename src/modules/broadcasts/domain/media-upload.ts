import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

export type MediaKind = 'photo' | 'video';

/** What an uploaded file turned out to be, read from its first bytes (the declared type is not trusted). */
export interface MediaType {
  kind: MediaKind;
  mimeType: 'image/jpeg' | 'image/png' | 'video/mp4';
  extension: 'jpg' | 'png' | 'mp4';
}

/**
 * Telegram's limits for a bot's multipart upload (core.telegram.org/bots/api#sending-files): a photo up to
 * 10 MB, any other file up to 50 MB.
 */
export const MEDIA_MAX_BYTES: Readonly<Record<MediaKind, number>> = {
  photo: 10 * 1024 * 1024,
  video: 50 * 1024 * 1024,
};
/** The largest body the upload route reads at all. */
export const UPLOAD_MAX_BYTES = Math.max(...Object.values(MEDIA_MAX_BYTES));

/** How a draft names an uploaded file in `media`: `upload:<id>` (a colon: never a Telegram file_id). */
const UPLOAD_REFERENCE = /^upload:([1-9]\d{0,9})$/;

export const uploadReference = (id: number): string => `upload:${id}`;

/** The upload id `media` refers to, or null when it is a file_id or a URL. */
export function uploadIdOf(media: string | null): number | null {
  const match = media ? UPLOAD_REFERENCE.exec(media) : null;
  return match ? Number(match[1]) : null;
}

const startsWith = (bytes: Buffer, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

/**
 * JPEG (FF D8 FF), PNG (89 'PNG' 0D 0A 1A 0A) or an ISO media file with an MP4 brand ('ftyp' at byte 4;
 * QuickTime's 'qt  ' brand refused, Telegram plays it as a file, not a video); null for anything else.
 */
export function detectMediaType(bytes: Buffer): MediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { kind: 'photo', mimeType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: 'photo', mimeType: 'image/png', extension: 'png' };
  }
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 4, 8) === 'ftyp' &&
    bytes.toString('latin1', 8, 12) !== 'qt  '
  ) {
    return { kind: 'video', mimeType: 'video/mp4', extension: 'mp4' };
  }
  return null;
}

/**
 * The upload's type, or MEDIA_INVALID (empty), MEDIA_TYPE_UNSUPPORTED (not JPEG, PNG or MP4) or
 * MEDIA_TOO_LARGE (over its kind's limit); details name the field `file` and the limits.
 */
export function checkMediaUpload(bytes: Buffer): MediaType {
  if (bytes.length === 0) {
    throw new DomainError(ErrorCode.MEDIA_INVALID, 'The file is empty', { field: 'file' });
  }
  const type = detectMediaType(bytes);
  if (!type) {
    throw new DomainError(ErrorCode.MEDIA_TYPE_UNSUPPORTED, 'Only a JPEG or PNG photo or an MP4 video', {
      field: 'file',
      accepted: ['image/jpeg', 'image/png', 'video/mp4'],
    });
  }
  if (bytes.length > MEDIA_MAX_BYTES[type.kind]) throw mediaTooLarge(type.kind, bytes.length);
  return type;
}

export const mediaTooLarge = (kind: MediaKind | null, size: number | null) =>
  new DomainError(
    ErrorCode.MEDIA_TOO_LARGE,
    kind
      ? `A ${kind} is at most ${MEDIA_MAX_BYTES[kind]} bytes${size === null ? '' : `, this one ${size}`}`
      : `A file is at most ${UPLOAD_MAX_BYTES} bytes`,
    { field: 'file', maxBytes: MEDIA_MAX_BYTES },
  );

/** A file name safe to show and to send to Telegram: the base name, printable, at most 100 characters. */
export function cleanFileName(name: string | undefined, type: MediaType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const printable = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && !'"<>'.includes(char))
    .join('')
    .trim()
    .slice(0, 100);
  return printable || `broadcast.${type.extension}`;
}
