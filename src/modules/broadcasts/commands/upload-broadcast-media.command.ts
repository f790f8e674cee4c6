import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { checkMediaUpload, cleanFileName, uploadReference } from '../domain/media-upload';
import { MediaLibrary } from '../persistence/media-library';
import { BroadcastMedia } from '../persistence/broadcast-media.entity';

/** What the upload answers: `media` goes into a draft as is. */
export interface UploadedMedia {
  id: number;
  media: string;
  kind: 'photo' | 'video';
  mimeType: string;
  fileName: string;
  sizeBytes: number;
  /** Whether the client bot has sent it already (later sends reuse Telegram's copy). */
  sentBefore: boolean;
}

export const uploadedMedia = (row: BroadcastMedia): UploadedMedia => ({
  id: row.id,
  media: uploadReference(row.id),
  kind: row.kind,
  mimeType: row.mimeType,
  fileName: row.fileName,
  sizeBytes: row.sizeBytes,
  sentBefore: row.telegramFileId !== null,
});

/**
 * Keeps a photo or video from the admin's computer for broadcasts. The type is read from the bytes
 * (JPEG, PNG, MP4), the size checked against Telegram's limits for its kind (MEDIA_TYPE_UNSUPPORTED,
 * MEDIA_TOO_LARGE, MEDIA_INVALID for an empty file).
 */
export class UploadBroadcastMediaCommand extends Command<UploadedMedia> {
  constructor(
    readonly bytes: Buffer,
    readonly originalName: string | undefined,
    readonly adminId: number,
  ) {
    super();
  }
}

@CommandHandler(UploadBroadcastMediaCommand)
export class UploadBroadcastMediaHandler implements ICommandHandler<
  UploadBroadcastMediaCommand,
  UploadedMedia
> {
  constructor(private readonly library: MediaLibrary) {}

  async execute({ bytes, originalName, adminId }: UploadBroadcastMediaCommand): Promise<UploadedMedia> {
    const type = checkMediaUpload(bytes);
    const row = await this.library.store(bytes, type, cleanFileName(originalName, type), adminId);
    return uploadedMedia(row);
  }
}
