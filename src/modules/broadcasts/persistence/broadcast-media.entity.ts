import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Admin } from '../../staff/persistence/admin.entity';

export const MEDIA_KINDS = ['photo', 'video'] as const;

/**
 * A photo or video an admin uploaded for broadcasts (`media = 'upload:<id>'`). The bytes live in
 * broadcast_media_parts; once the client bot has sent the file, Telegram's file_id is kept here and every
 * later send uses it instead of the bytes.
 */
@Entity('broadcast_media')
@Index('idx_broadcast_media_sha256', ['sha256'])
export class BroadcastMedia {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'enum', enum: MEDIA_KINDS })
  kind: (typeof MEDIA_KINDS)[number];

  @Column({ type: 'varchar', length: 32 })
  mimeType: string;

  @Column({ type: 'varchar', length: 128 })
  fileName: string;

  @Column({ type: 'int', unsigned: true })
  sizeBytes: number;

  /** Hex SHA-256 of the bytes: the same file uploaded twice is stored once. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** The client bot's file_id, known after its first successful send. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  telegramFileId: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => Admin, {
    name: 'fk_broadcast_media_uploaded_by_admin',
    onDelete: 'SET NULL',
    onUpdate: 'RESTRICT',
  })
  uploadedByAdminId: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
