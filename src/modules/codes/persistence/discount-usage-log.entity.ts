import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Cashier } from '../../staff/persistence/cashier.entity';
import { User } from '../../users/persistence/user.entity';
import { Discount } from './discount.entity';

export const USAGE_CHANNELS = ['staff_bot', 'pos', 'admin'] as const;
export type UsageChannel = (typeof USAGE_CHANNELS)[number];

export const USAGE_ACTIONS = ['validated', 'redeemed', 'rejected'] as const;
export type UsageAction = (typeof USAGE_ACTIONS)[number];

/** One check or redemption attempt of a code, from any channel. */
@Entity('discount_usage_logs')
@Index('uq_discount_usage_logs_channel_idempotency_key', ['channel', 'idempotencyKey'], { unique: true })
@Index('idx_discount_usage_logs_discount_action', ['discountId', 'action'])
@Index('idx_discount_usage_logs_user_id', ['userId'])
@Index('idx_discount_usage_logs_cashier_created_at', ['cashierId', 'createdAt'])
@Index('idx_discount_usage_logs_created_at', ['createdAt'])
export class DiscountUsageLog {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  /** Null when the code was not found. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => Discount, {
    name: 'fk_discount_usage_logs_discount',
    onDelete: 'RESTRICT',
    onUpdate: 'RESTRICT',
  })
  discountId: number | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => User, { name: 'fk_discount_usage_logs_user', onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  userId: number | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => Cashier, {
    name: 'fk_discount_usage_logs_cashier',
    onDelete: 'SET NULL',
    onUpdate: 'RESTRICT',
  })
  cashierId: number | null;

  @Column({ type: 'enum', enum: USAGE_CHANNELS })
  channel: UsageChannel;

  @Column({ type: 'enum', enum: USAGE_ACTIONS })
  action: UsageAction;

  /** An ErrorCode such as CODE_ALREADY_USED, for action `rejected`. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  rejectCode: string | null;

  /** Minor units (kopecks). */
  @Column({ type: 'int', unsigned: true, nullable: true })
  purchaseAmount: number | null;

  /** Minor units (kopecks). */
  @Column({ type: 'int', unsigned: true, nullable: true })
  discountAmount: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  terminalId: string | null;

  /** Unique with channel: a POS retry with the same key gets `response` back, never a second redemption. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  idempotencyKey: string | null;

  /** The first answer given for idempotencyKey (the API's JSON body). */
  @Column({ type: 'json', nullable: true })
  response: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
