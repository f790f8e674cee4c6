import { Column, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../users/persistence/user.entity';
import { Broadcast } from './broadcast.entity';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'blocked', 'unknown'] as const;
/** `unknown`: left `sending` by a crash; never re-sent (at most once). */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The delivery state of one broadcast to one client: the row is what makes delivery at-most-once. */
@Entity('broadcast_deliveries')
@Index('idx_broadcast_deliveries_broadcast_status', ['broadcastId', 'status'])
export class BroadcastDelivery {
  @PrimaryColumn({ type: 'int', unsigned: true })
  @ForeignKey(() => Broadcast, {
    name: 'fk_broadcast_deliveries_broadcast',
    onDelete: 'RESTRICT',
    onUpdate: 'RESTRICT',
  })
  broadcastId: number;

  @PrimaryColumn({ type: 'int', unsigned: true })
  @ForeignKey(() => User, {
    name: 'fk_broadcast_deliveries_user',
    onDelete: 'RESTRICT',
    onUpdate: 'RESTRICT',
  })
  userId: number;

  @Column({ type: 'enum', enum: DELIVERY_STATUSES, default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts: number;

  /** Set by the batch claim that took the row (`pending` -> `sending`): tells a sender which rows are its own. */
  @Column({ type: 'char', length: 12, charset: 'ascii', nullable: true })
  claimToken: string | null;

  @Column({ type: 'bigint', nullable: true })
  telegramMessageId: number | null;

  /** Telegram's error_code (e.g. `403`, `429`) or a transport error name. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  /** Last state change: tells a row stuck in `sending` after a crash (then marked `unknown`). */
  @UpdateDateColumn({
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  })
  updatedAt: Date;
}
