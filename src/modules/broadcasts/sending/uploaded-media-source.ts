import { Injectable } from '@nestjs/common';
import { MediaLibrary } from '../persistence/media-library';

/** What to put in sendPhoto / sendVideo for an uploaded file: Telegram's file_id, or the bytes themselves. */
export type MediaSource = { fileId: string } | { upload: { source: Buffer; filename: string } };

/**
 * Turns `upload:<id>` into something the client bot can send. The first send uploads the bytes and the
 * file_id Telegram answers with is kept (database and this process), so every later send, in any
 * process, is by file_id. Within a process, sends of a file whose file_id is not known yet wait for the
 * one upload in flight instead of uploading the same bytes in parallel; if that upload fails (a blocked
 * client, say) the next send uploads.
 */
@Injectable()
export class UploadedMediaSource {
  private readonly fileIds = new Map<number, string>();
  private readonly uploading = new Map<number, Promise<unknown>>();

  constructor(private readonly library: MediaLibrary) {}

  /**
   * Runs `send` with the file's source; `send` answers the file_id of what it sent (null when it failed),
   * and that file_id is remembered.
   */
  async withSource<T>(
    id: number,
    send: (source: MediaSource) => Promise<{ result: T; fileId: string | null }>,
  ): Promise<T> {
    for (;;) {
      const known = await this.knownFileId(id);
      if (known) return (await send({ fileId: known })).result;
      const inFlight = this.uploading.get(id);
      if (!inFlight) break;
      await inFlight.catch(() => undefined);
    }
    const attempt = this.upload(id, send);
    this.uploading.set(id, attempt);
    try {
      return await attempt;
    } finally {
      this.uploading.delete(id);
    }
  }

  private async upload<T>(
    id: number,
    send: (source: MediaSource) => Promise<{ result: T; fileId: string | null }>,
  ): Promise<T> {
    const [media, bytes] = await Promise.all([this.library.get(id), this.library.bytesOf(id)]);
    const { result, fileId } = await send({ upload: { source: bytes, filename: media.fileName } });
    if (fileId) {
      this.fileIds.set(id, fileId);
      await this.library.rememberFileId(id, fileId);
    }
    return result;
  }

  private async knownFileId(id: number): Promise<string | null> {
    const cached = this.fileIds.get(id);
    if (cached) return cached;
    const stored = (await this.library.get(id)).telegramFileId;
    // An upload of this process may have finished while the row was read.
    const known = this.fileIds.get(id) ?? stored;
    if (known) this.fileIds.set(id, known);
    return known;
  }
}
