import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { ClientTelegram, StaffTelegram } from '../../../infrastructure/telegram/telegram-senders';

/**
 * A photo or video an admin sent to the staff bot, made sendable by the client bot. Telegram's file_ids
 * belong to one bot, so the staff bot's file is downloaded and uploaded again by the client bot, as a
 * preview to the admin's own chat with the client bot (with the caption, as clients will see it); the
 * client bot's file_id of that upload is the broadcast's media. TELEGRAM_UNAVAILABLE when the admin has
 * not started the client bot or Telegram fails.
 */
export class AdoptStaffMediaCommand extends Command<{ media: string }> {
  constructor(
    readonly kind: 'photo' | 'video',
    readonly staffFileId: string,
    readonly caption: string | null,
    /** The admin's Telegram id: the preview goes there. */
    readonly previewTo: number,
  ) {
    super();
  }
}

@CommandHandler(AdoptStaffMediaCommand)
export class AdoptStaffMediaHandler implements ICommandHandler<AdoptStaffMediaCommand, { media: string }> {
  constructor(
    private readonly staff: StaffTelegram,
    private readonly client: ClientTelegram,
  ) {}

  async execute({
    kind,
    staffFileId,
    caption,
    previewTo,
  }: AdoptStaffMediaCommand): Promise<{ media: string }> {
    let source: Buffer;
    try {
      const link = await this.staff.getFileLink(staffFileId);
      const response = await fetch(link);
      if (!response.ok) throw new Error(`download answered ${response.status}`);
      source = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new DomainError(ErrorCode.TELEGRAM_UNAVAILABLE, 'Could not download the file from Telegram', {
        reason: 'download_failed',
        error: (error as Error).message,
      });
    }
    const extra = caption ? { caption, parse_mode: 'HTML' as const } : {};
    try {
      if (kind === 'photo') {
        const sent = await this.client.sendPhoto(previewTo, { source, filename: 'broadcast.jpg' }, extra);
        return { media: sent.photo[sent.photo.length - 1].file_id };
      }
      const sent = await this.client.sendVideo(previewTo, { source, filename: 'broadcast.mp4' }, extra);
      return { media: sent.video.file_id };
    } catch (error) {
      throw new DomainError(
        ErrorCode.TELEGRAM_UNAVAILABLE,
        'The client bot could not send you the preview: open the client bot and press Start first',
        { reason: 'client_bot_not_started', error: (error as Error).message },
      );
    }
  }
}
