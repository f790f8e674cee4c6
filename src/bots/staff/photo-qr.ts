import { Logger } from '@nestjs/common';
import { Context } from 'telegraf';
import { readQr } from '../../infrastructure/qr/read-qr';

/** Bigger pictures are not downloaded (a phone photo is a few megabytes; the Bot API gives up to 20). */
const MAX_BYTES = 10 * 1024 * 1024;

/** A picture in a message: a photo (its largest size) or an image sent as a file. */
export function pictureOf(ctx: Context): { fileId: string; size?: number } | null {
  const message = ctx.message as
    | {
        photo?: { file_id: string; file_size?: number }[];
        document?: { file_id: string; file_size?: number; mime_type?: string };
      }
    | undefined;
  const largest = message?.photo?.at(-1);
  if (largest) return { fileId: largest.file_id, size: largest.file_size };
  const document = message?.document;
  if (document && /^image\/(png|jpeg)$/.test(document.mime_type ?? '')) {
    return { fileId: document.file_id, size: document.file_size };
  }
  return null;
}

/**
 * The text of the QR code in a picture a cashier sent (a photo of the client's screen), or null: no
 * readable code, a picture too big, or Telegram's file could not be fetched (getFile, then the download).
 */
export async function qrOfPicture(
  ctx: Context,
  picture: { fileId: string; size?: number },
  logger: Logger,
): Promise<string | null> {
  if (picture.size !== undefined && picture.size > MAX_BYTES) return null;
  try {
    const link = await ctx.telegram.getFileLink(picture.fileId);
    const response = await fetch(link, { signal: AbortSignal.timeout(20_000) });
    if (!response.ok) throw new Error(`The file download answered ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    return bytes.length > MAX_BYTES ? null : readQr(bytes);
  } catch (error) {
    logger.warn({ err: error }, 'Could not download a picture sent to the staff bot');
    return null;
  }
}
