import { randomBytes } from 'node:crypto';
import type { Document, File, PhotoSize, Video } from 'telegraf/types';
import { compact } from './compact';
import type { UploadedFile } from './uploaded-file';

export type FileKind = 'photo' | 'video' | 'document';

export interface StoredFile {
  kind: FileKind;
  fileId: string;
  uniqueId: string;
  size?: number;
  fileName?: string;
  mimeType?: string;
  path: string;
  /** What the bot uploaded; files known only by file_id or URL have none (downloads get placeholder bytes). */
  bytes?: Buffer;
}

/** Prefixes that make ids look like Telegram's, which helps when reading call logs. */
const ID_PREFIX: Record<FileKind, string> = {
  photo: 'AgACAgIAAxkBAA',
  video: 'BAACAgIAAxkBAA',
  document: 'BQACAgIAAxkBAA',
};
const PATH_DIR: Record<FileKind, string> = { photo: 'photos', video: 'videos', document: 'documents' };
const DEFAULT_EXT: Record<FileKind, string> = { photo: 'jpg', video: 'mp4', document: 'dat' };

/** The files bots and users sent: uploads get fresh file_ids, and file_ids are reused as Telegram does. */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private counter = 0;

  /** A file the bot uploaded (multipart). */
  upload(kind: FileKind, upload: UploadedFile): StoredFile {
    const file = this.add(kind, newFileId(kind), upload.size, upload.filename, upload.contentType);
    file.bytes = upload.bytes();
    return file;
  }

  /** The stored file of a file_id (one of a photo's sizes included), if known. */
  byId(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  /** A file named by file_id (reused, or accepted as-is when unknown) or by URL (Telegram downloads it). */
  byReference(kind: FileKind, ref: string): StoredFile {
    const known = this.files.get(ref);
    if (known) return known;
    if (/^https?:\/\//i.test(ref)) {
      const fileName = new URL(ref).pathname.split('/').pop() || undefined;
      return this.add(kind, newFileId(kind), undefined, fileName);
    }
    return this.add(kind, ref);
  }

  /** A file a user sends the bot: the given file_id, or a new one; with `bytes`, a download gives them. */
  fromUser(kind: FileKind, fileId?: string, bytes?: Buffer): StoredFile {
    const file = fileId === undefined ? this.add(kind, newFileId(kind)) : this.byReference(kind, fileId);
    if (bytes) Object.assign(file, { bytes, size: bytes.length });
    return file;
  }

  /** The file at a `file_path` getFile gave out (for downloads). */
  byPath(path: string): StoredFile | undefined {
    return [...this.files.values()].find((file) => file.path === path);
  }

  get(fileId: string): File | undefined {
    const file = this.files.get(fileId);
    if (!file) return undefined;
    return compact({
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      file_size: file.size,
      file_path: file.path,
    });
  }

  /** A photo's sizes, smallest first, the largest being the file itself. */
  photoSizes(file: StoredFile): PhotoSize[] {
    const thumb = this.add('photo', `${file.fileId}_s`, file.size && Math.ceil(file.size / 20));
    return [
      compact({
        file_id: thumb.fileId,
        file_unique_id: thumb.uniqueId,
        width: 90,
        height: 68,
        file_size: thumb.size,
      }),
      compact({
        file_id: file.fileId,
        file_unique_id: file.uniqueId,
        width: 1280,
        height: 960,
        file_size: file.size,
      }),
    ];
  }

  video(file: StoredFile, size: { width?: number; height?: number; duration?: number }): Video {
    return compact({
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      width: size.width ?? 1280,
      height: size.height ?? 720,
      duration: size.duration ?? 10,
      file_name: file.fileName,
      mime_type: file.mimeType ?? 'video/mp4',
      file_size: file.size,
    });
  }

  document(file: StoredFile): Document {
    return compact({
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      file_name: file.fileName,
      mime_type: file.mimeType ?? 'application/octet-stream',
      file_size: file.size,
    });
  }

  private add(
    kind: FileKind,
    fileId: string,
    size?: number,
    fileName?: string,
    mimeType?: string,
  ): StoredFile {
    const existing = this.files.get(fileId);
    if (existing) return existing;
    const ext = fileName?.includes('.') ? fileName.split('.').pop() : DEFAULT_EXT[kind];
    const file: StoredFile = {
      kind,
      fileId,
      uniqueId: `AQAD${randomBytes(8).toString('base64url')}`,
      size,
      fileName,
      mimeType,
      path: `${PATH_DIR[kind]}/file_${this.counter++}.${ext}`,
    };
    this.files.set(fileId, file);
    return file;
  }
}

function newFileId(kind: FileKind): string {
  return `${ID_PREFIX[kind]}${randomBytes(48).toString('base64url')}`;
}
