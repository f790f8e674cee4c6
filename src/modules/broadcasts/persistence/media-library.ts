import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { MediaType, uploadIdOf } from '../domain/media-upload';
import { BroadcastMediaPart, MEDIA_PART_BYTES } from './broadcast-media-part.entity';
import { BroadcastMedia } from './broadcast-media.entity';

/** Uploaded broadcast files: stored once per content, read back whole, their client-bot file_id kept. */
@Injectable()
export class MediaLibrary {
  constructor(
    @InjectRepository(BroadcastMedia) private readonly media: Repository<BroadcastMedia>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Stores the file, or returns the earlier upload of the same bytes (its file_id is reused). */
  async store(
    bytes: Buffer,
    type: MediaType,
    fileName: string,
    adminId: number | null,
  ): Promise<BroadcastMedia> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const same = await this.media.findOneBy({ sha256, kind: type.kind, sizeBytes: bytes.length });
    if (same) return same;
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(BroadcastMedia, {
          kind: type.kind,
          mimeType: type.mimeType,
          fileName,
          sizeBytes: bytes.length,
          sha256,
          telegramFileId: null,
          uploadedByAdminId: adminId,
        }),
      );
      for (let partNo = 0; partNo * MEDIA_PART_BYTES < bytes.length; partNo++) {
        const part = bytes.subarray(partNo * MEDIA_PART_BYTES, (partNo + 1) * MEDIA_PART_BYTES);
        await manager.insert(BroadcastMediaPart, { mediaId: row.id, partNo, bytes: part });
      }
      return row;
    });
  }

  /** The upload, or MEDIA_NOT_FOUND. */
  async get(id: number): Promise<BroadcastMedia> {
    const row = await this.media.findOneBy({ id });
    if (!row) throw new DomainError(ErrorCode.MEDIA_NOT_FOUND, `No uploaded file #${id}`, { id });
    return row;
  }

  /**
   * Refuses a draft whose `media` names an upload that does not exist or is of another kind than the
   * broadcast (MEDIA_INVALID, field media); anything else passes (checked elsewhere).
   */
  async assertFits(content: { contentType: string; media: string | null }): Promise<void> {
    const id = uploadIdOf(content.media);
    if (id === null) return;
    const row = await this.media.findOneBy({ id });
    const why = !row
      ? `there is no uploaded file #${id}`
      : row.kind !== content.contentType
        ? `uploaded file #${id} is a ${row.kind}, the broadcast a ${content.contentType}`
        : null;
    if (why) throw new DomainError(ErrorCode.MEDIA_INVALID, why, { field: 'media' });
  }

  /** The file's bytes, joined from its parts. */
  async bytesOf(id: number): Promise<Buffer> {
    const parts = await this.dataSource
      .getRepository(BroadcastMediaPart)
      .find({ where: { mediaId: id }, order: { partNo: 'ASC' } });
    return Buffer.concat(parts.map((part) => part.bytes));
  }

  /** Keeps the client bot's file_id of the file (the first one wins; any of them would do). */
  async rememberFileId(id: number, fileId: string): Promise<void> {
    await this.media.update({ id, telegramFileId: IsNull() }, { telegramFileId: fileId });
  }
}
