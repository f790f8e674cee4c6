import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { BroadcastMedia } from './broadcast-media.entity';

/** Bytes of an uploaded file kept in the database (stateless app), in parts below max_allowed_packet. */
export const MEDIA_PART_BYTES = 1024 * 1024;

/** One part of an uploaded file's bytes, in order of partNo. */
@Entity('broadcast_media_parts')
export class BroadcastMediaPart {
  @PrimaryColumn({ type: 'int', unsigned: true })
  @ForeignKey(() => BroadcastMedia, {
    name: 'fk_broadcast_media_parts_media',
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  })
  mediaId: number;

  @PrimaryColumn({ type: 'smallint', unsigned: true })
  partNo: number;

  @Column({ type: 'mediumblob' })
  bytes: Buffer;
}
