import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Segment } from '../../segments/persistence/segment.entity';
import { Admin } from '../../staff/persistence/admin.entity';

export const BROADCAST_CONTENT_TYPES = ['text', 'photo', 'video'] as const;
export type BroadcastContentType = (typeof BROADCAST_CONTENT_TYPES)[number];

export const BROADCAST_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled', 'failed'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/** An inline keyboard button that opens a URL. */
export interface BroadcastButton {
  text: string;
  url: string;
}

/** A message to a segment of clients. Counters are derived from broadcast_deliveries and cached here. */
@Entity('broadcasts')
@Index('idx_broadcasts_status_scheduled_at', ['status', 'scheduledAt'])
export class Broadcast {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'enum', enum: BROADCAST_CONTENT_TYPES, default: 'text' })
  contentType: BroadcastContentType;

  /** Telegram HTML: at most 4096 characters, 1024 as a caption. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** A Telegram file_id or an https URL. */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  media: string | null;

  /** Rows of URL buttons. */
  @Column({ type: 'json', nullable: true })
  buttons: BroadcastButton[][] | null;

  /** Null = all active non-test clients. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => Segment, { name: 'fk_broadcasts_segment', onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  segmentId: number | null;

  @Column({ type: 'enum', enum: BROADCAST_STATUSES, default: 'draft' })
  status: BroadcastStatus;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  scheduledAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => Admin, {
    name: 'fk_broadcasts_created_by_admin',
    onDelete: 'SET NULL',
    onUpdate: 'RESTRICT',
  })
  createdByAdminId: number | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  targetCount: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  sentCount: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  failedCount: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  blockedCount: number;

  @Column({ type: 'boolean', default: false })
  isTest: boolean;

  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  })
  updatedAt: Date;
}
